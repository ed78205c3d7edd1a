package org.mepkit.board.firmware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mepkit.util.Hex;

/** The alert chain's steps (board-firmware-behaviour.md §4.1), one chain at a time. */
class AlertChainTest {

    final AlertChain chain = new AlertChain();

    @Test
    void anAlertStartsWithEt11AndASecondAlertWaitsForTheChainToFinish() {
        AlertChain.Next first = chain.alert();
        assertArrayEquals(AlertChain.ALERT_ET11, first.body());
        assertEquals(AlertChain.ET11, first.followUp());
        assertNull(chain.alert(), "one chain at a time");
        assertNull(chain.after(AlertChain.CLEAR, new byte[0], () -> 5));
        assertNotNull(chain.alert(), "a new chain after the last step");
    }

    @Test
    void et11PointsAtTheEt13EntryAndEt50ChoosesBt08OrEt58() {
        // ET11 reply: length, code 00, count, then the entry index 3 → ET13 offset 4*3+8 = 20
        AlertChain.Next et13 = chain.after(AlertChain.ET11, Hex.parse("000500000103"), () -> 5);
        assertArrayEquals(Hex.parse("3f080d0000140001"), et13.body());
        assertArrayEquals(AlertChain.ALERT_ET50, chain.after(AlertChain.ET13, new byte[0], () -> 5).body());

        AlertChain.Next call = chain.after(AlertChain.ET50, Hex.parse("000500000100"), () -> 7);
        assertTrue(call.procedure());
        assertEquals(7, call.body()[7], "the procedure sequence number handed in");
        assertEquals(AlertChain.BT08, call.followUp());
        assertEquals(AlertChain.ET58, chain.after(AlertChain.ET50, Hex.parse("000500000102"), () -> 8).followUp());

        assertArrayEquals(Hex.parse("3000080200"), chain.after(AlertChain.BT08, new byte[0], () -> 5).body());
        assertArrayEquals(Hex.parse("30083a0200"), chain.after(AlertChain.ET58, new byte[0], () -> 5).body());
        assertFalse(chain.after(AlertChain.BT08, new byte[0], () -> 5).procedure());
    }

    @Test
    void shortRepliesAndPlainReadsFollowWithNothing() {
        assertNull(chain.after(AlertChain.ET11, Hex.parse("0003000001"), () -> 5));
        assertNull(chain.after(AlertChain.ET50, Hex.parse("0003000001"), () -> 5));
        assertNull(chain.after(AlertChain.NONE, Hex.parse("000500000100"), () -> 5));
    }
}
