package org.mepkit.cli;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * picocli's own errors (unknown option, missing value, bad number...) as README promises: one line
 * {@code mep: <reason>} and one {@code mep: hint: ...} pointing at the command's help, exit 2;
 * never the whole usage.
 */
final class ParseErrorReporter implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        MepCommand.printError(err, oneLine(ex.getMessage()));
        err.println("mep: hint: " + hint(ex, cmd));
        err.flush();
        return ExitCodes.USAGE;
    }

    static String hint(ParameterException ex, CommandLine cmd) {
        String help = "see '" + cmd.getCommandSpec().qualifiedName() + " --help'";
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                return "did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "? (" + help + ")";
            }
        }
        return help;
    }

    private static String oneLine(String message) {
        if (message == null) return "invalid command line";
        String first = message.strip().lines().findFirst().orElse("invalid command line");
        return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
    }
}
