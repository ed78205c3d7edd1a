package org.mepkit.cli;

import org.mepkit.mep.frame.AuthenticationFailureException;
import org.mepkit.mep.frame.MalformedFrameException;
import org.mepkit.mep.frame.MepProtocolException;
import org.mepkit.serial.SerialException;
import org.mepkit.spec.UnknownBoardException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions from a command into one line on stderr and an exit code. A stack trace is
 * printed only when {@code MEP_DEBUG} is set: user errors never show one.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        int code = exitCodeOf(ex);
        if (Interrupts.requested() && code != ExitCodes.INTERRUPTED) {
            // what failed after Ctrl-C failed because of it (a tool killed by the same SIGINT, a closed port)
            code = ExitCodes.INTERRUPTED;
            message = "interrupted (" + message + ")";
        } else if (code == ExitCodes.INTERNAL) {
            message = "internal error: " + ex + " (set MEP_DEBUG=1 for the stack trace)";
        }
        MepCommand.printError(cmd.getErr(), message);
        if (System.getenv("MEP_DEBUG") != null) {
            ex.printStackTrace(cmd.getErr());
        }
        return code;
    }

    static int exitCodeOf(Throwable ex) {
        if (ex instanceof MepException mep) return mep.exitCode();
        if (ex instanceof CommandLine.ParameterException) return ExitCodes.USAGE;
        if (ex instanceof UnknownBoardException) return ExitCodes.USAGE;
        if (ex instanceof SerialException) return ExitCodes.PORT;
        if (ex instanceof AuthenticationFailureException) return ExitCodes.AUTHENTICATION;
        if (ex instanceof MalformedFrameException) return ExitCodes.BAD_INPUT;
        if (ex instanceof MepProtocolException) return ExitCodes.PROTOCOL;
        if (ex instanceof InterruptedException) return ExitCodes.INTERRUPTED;
        if (ex instanceof IllegalArgumentException) return ExitCodes.BAD_INPUT;
        return ExitCodes.INTERNAL;
    }
}
