package org.mepkit.bench;

import java.util.ArrayList;
import java.util.List;
import org.mepkit.bootlog.BootLogCheck;
import org.mepkit.bootlog.BootVerdict;

/**
 * What a board's console showed about its firmware while it was being tested: does the firmware run? A
 * link test through the MAX3232 says something about the chip only when it does; a blank flash, a boot loop
 * or a silent console make every power-up fail whatever the chip.
 *
 * <p>The console is cut into boots (each {@code rst:} line starts one) and each boot is judged by the
 * flasher's {@link BootLogCheck}. The firmware runs when one boot got through its start-up lines, or when the
 * console shows lines only the running firmware prints (MAX3232 and ENABLE switching, requests sent or queued:
 * a bench without power control joins a board that booted long ago).
 *
 * @param state  what is known
 * @param detail the console line that shows it, or empty
 */
public record FirmwareEvidence(State state, String detail) {

    public enum State {
        RUNNING("the firmware runs"),
        BLANK_FLASH("the flash holds no firmware (the ROM reads an erased flash: invalid header 0xffffffff)"),
        BOOT_LOOP("the board is boot-looping: the firmware never starts"),
        CRASHED("the firmware crashes at start-up"),
        DOWNLOAD_MODE("the chip waits in ROM download mode (J7 program jumper fitted?)"),
        NO_BOOT_LOG("the console showed output, but never the firmware's start-up lines"),
        NO_CONSOLE("nothing on the console: the board may be unpowered or J5 not wired, so it is unknown whether the firmware runs");

        private final String meaning;

        State(String meaning) {
            this.meaning = meaning;
        }

        public String meaning() {
            return meaning;
        }
    }

    /** Lines only the running application prints (board-firmware-behaviour §3, §4). */
    static final List<String> RUNNING_MARKERS = List.of("Setting RS3232 pin", "Setting ENABLE pin", "Transmitting request",
            "Queued request");

    public boolean firmwareRuns() {
        return state == State.RUNNING;
    }

    /** One sentence for the user: what is known and its evidence. */
    public String describe() {
        return state.meaning() + (detail.isEmpty() ? "" : " (console: " + detail + ")");
    }

    public static FirmwareEvidence of(List<String> consoleLines) {
        if (consoleLines.stream().allMatch(String::isBlank)) return new FirmwareEvidence(State.NO_CONSOLE, "");
        for (String line : consoleLines) {
            for (String marker : RUNNING_MARKERS) if (line.startsWith(marker)) return new FirmwareEvidence(State.RUNNING, line.strip());
        }
        BootLogCheck.Result decisive = null;
        boolean output = false;
        for (String boot : boots(consoleLines)) {
            BootLogCheck.Result r = BootLogCheck.check(boot);
            if (r.verdict() == BootVerdict.STARTED) return new FirmwareEvidence(State.RUNNING, r.evidence());
            if (r.verdict() == BootVerdict.INCOMPLETE) output = true;
            // the first boot that says why (a ROM banner alone says nothing yet)
            else if (r.verdict() != BootVerdict.SILENT && decisive == null) decisive = r;
        }
        if (decisive == null) {
            // each boot alone looks unfinished; a chip that resets by itself (not a power-up) never got through
            String reset = consoleLines.stream().filter(l -> l.startsWith("rst:") && !l.contains("POWERON_RESET"))
                    .findFirst().orElse(null);
            if (reset != null) return new FirmwareEvidence(State.BOOT_LOOP, reset.strip());
            return new FirmwareEvidence(output ? State.NO_BOOT_LOG : State.NO_CONSOLE, "");
        }
        String evidence = decisive.evidence();
        State state = switch (decisive.verdict()) {
            case BLANK -> evidence.contains("0xffffffff") || evidence.contains("at 0x10000 ") ? State.BLANK_FLASH : State.BOOT_LOOP;
            case BOOT_LOOP, BROWNOUT -> evidence.contains("0xffffffff") ? State.BLANK_FLASH : State.BOOT_LOOP;
            case CRASHED -> State.CRASHED;
            case DOWNLOAD_MODE -> State.DOWNLOAD_MODE;
            default -> State.NO_BOOT_LOG;
        };
        return new FirmwareEvidence(state, evidence);
    }

    /** The console cut before every {@code rst:} line: one text per boot. */
    static List<String> boots(List<String> lines) {
        List<String> boots = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("rst:") && !current.isEmpty()) {
                boots.add(current.toString());
                current.setLength(0);
            }
            current.append(line).append('\n');
        }
        if (!current.isEmpty()) boots.add(current.toString());
        return boots;
    }
}
