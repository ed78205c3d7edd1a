package org.mepkit.esp.nvs;

import java.util.Arrays;

import org.mepkit.util.Hex;

/** The value of one NVS key: a number, a string or a blob. */
public sealed interface NvsValue permits NvsValue.Int, NvsValue.Str, NvsValue.Blob {

    NvsType type();

    /** The value as text for listings ({@code mep nvs dump}). */
    String display();

    /** A primitive of the given type; the value must fit its width and sign. */
    record Int(NvsType type, long value) implements NvsValue {
        public Int {
            if (!type.isPrimitive()) throw new IllegalArgumentException(type + " is not a number type");
            if (type.width() < 8) {
                long min = type.signed() ? -(1L << (type.width() * 8 - 1)) : 0;
                long max = type.signed() ? (1L << (type.width() * 8 - 1)) - 1 : (1L << (type.width() * 8)) - 1;
                if (value < min || value > max) {
                    throw new NvsException(NvsException.Reason.BAD_VALUE, value + " does not fit " + type);
                }
            }
        }

        @Override
        public String display() {
            return type == NvsType.U64 ? Long.toUnsignedString(value) : Long.toString(value);
        }
    }

    /** A string; stored with its terminating NUL (at most 4000 bytes including it). */
    record Str(String value) implements NvsValue {
        @Override
        public NvsType type() {
            return NvsType.STR;
        }

        @Override
        public String display() {
            return value;
        }
    }

    /** A blob (version-2 layout: data chunks plus an index entry). */
    record Blob(byte[] value) implements NvsValue {
        public Blob {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public NvsType type() {
            return NvsType.BLOB_IDX;
        }

        @Override
        public String display() {
            return Hex.lower(value);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Blob b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Blob[" + value.length + " bytes]";
        }
    }
}
