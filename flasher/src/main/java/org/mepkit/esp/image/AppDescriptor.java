package org.mepkit.esp.image;

/**
 * ESP-IDF's {@code esp_app_desc_t} at the start of an app's first DROM segment (256 bytes,
 * magic 0xABCD5432).
 */
public record AppDescriptor(long secureVersion, String version, String projectName, String compileTime,
                            String compileDate, String idfVersion, String elfSha256Hex) {

    public static final long MAGIC = 0xABCD5432L;
    public static final int LENGTH = 256;

    static final int VERSION_AT = 16;
    static final int PROJECT_AT = 48;
    static final int TIME_AT = 80;
    static final int DATE_AT = 96;
    static final int IDF_AT = 112;
    static final int ELF_SHA_AT = 144;
}
