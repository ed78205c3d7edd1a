package org.mepkit.mep.table;

/** The result code in a procedure-result table (mep-protocol.md §7.2). */
public enum ProcedureOutcome {
    COMPLETED(0, "completed"),
    NOT_FULLY_COMPLETED(1, "accepted but not fully completed"),
    INVALID_PARAMETER(2, "invalid parameter"),
    CONFLICTS_WITH_SETUP(3, "conflicts with current device setup"),
    TIMING_CONSTRAINT(4, "timing constraint"),
    NO_AUTHORIZATION(5, "no authorization"),
    UNRECOGNIZED_PROCEDURE(6, "unrecognized procedure"),
    UNKNOWN(-1, "unknown result code");

    private final int code;
    private final String description;

    ProcedureOutcome(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    public static ProcedureOutcome of(int code) {
        for (ProcedureOutcome o : values()) {
            if (o.code == code && o != UNKNOWN) return o;
        }
        return UNKNOWN;
    }
}
