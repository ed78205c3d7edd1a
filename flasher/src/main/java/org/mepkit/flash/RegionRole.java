package org.mepkit.flash;

/** What a region of flash holds, decided from its address and the partition table. */
public enum RegionRole { BOOTLOADER, PARTITION_TABLE, OTADATA, APP, NVS, DATA }
