package org.mepkit.mep.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TableIdTest {

    @ParameterizedTest
    @CsvSource({"BT28, 28, BT28", "bt28, 28, BT28", "0x001C, 28, BT28", "28, 28, BT28", "ET11, 2059, ET11",
            "et58, 2106, ET58", "0x083A, 2106, ET58", " BT01 , 1, BT01", "0x0855, 2133, ET85", "0x1234, 4660, 0x1234"})
    void parsesEveryAcceptedSpelling(String text, int id, String name) {
        TableId t = TableId.parse(text);
        assertEquals(id, t.id());
        assertEquals(name, t.name());
    }

    @Test
    void theConstantsHaveTheReferenceIds() {
        assertEquals(0x0034, TableId.BT52.id());
        assertEquals(0x080B, TableId.ET11.id());
        assertEquals(0x083A, TableId.ET58.id());
        assertEquals(0x0832, TableId.ET50.id());
        assertEquals(0x0017, TableId.BT23.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "BT", "XT11", "0xZZ", "BT2048", "0x10000", "-1", "BT-1", "twenty"})
    void refusesAnythingElseNamingTheText(String text) {
        var e = assertThrows(IllegalArgumentException.class, () -> TableId.parse(text));
        assertEquals(true, e.getMessage().startsWith(text.isBlank() ? "no table id" : "not a table id: '" + text + "'"), e.getMessage());
    }
}
