package org.mepkit.board.boot;

/** The reset causes an ESP32 ROM prints in its {@code rst:} line. */
public enum ResetReason {
    POWERON_RESET(0x1),
    SW_RESET(0x3),
    /** ESP.restart() / esp_restart() from the app (mepkit twin of the firmware's software restart). */
    SW_CPU_RESET(0xC),
    TG0WDT_SYS_RESET(0x7),
    RTCWDT_RTC_RESET(0x10);

    private final int code;

    ResetReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
