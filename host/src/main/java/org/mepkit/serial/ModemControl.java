package org.mepkit.serial;

/** The host-driven modem-control outputs of a USB-serial adapter. */
public interface ModemControl {

    void setDtr(boolean asserted) throws SerialException;

    void setRts(boolean asserted) throws SerialException;
}
