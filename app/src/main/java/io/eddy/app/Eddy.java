package io.eddy.app;

import io.eddy.io.ModelFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code eddy} command line: segments, charts, personas and a report from a CSV.
 *
 * <p>Exit codes: {@value #OK} success; {@value #USAGE} a wrong option, column, algorithm or
 * parameter (the message lists what is valid); {@value #DATA} input that cannot be used (a
 * non-numeric cell, a missing value under {@code --missing fail}, a corrupt model file);
 * {@value #IO} a file that cannot be read or written; {@value #SOFTWARE} anything else (a
 * bug: please report it with the stack trace printed).
 */
@Command(name = "eddy", mixinStandardHelpOptions = true, versionProvider = Eddy.Version.class,
    description = "Segments a table or a stream with Eddy's clusterers: assignments, a scorable model, "
        + "profiles, personas, charts and a self-contained HTML report.",
    footerHeading = "%nExit codes:%n",
    footer = {"  0  success", "  1  internal error (a bug; the stack trace is printed)",
        "  2  usage: a wrong option, column, algorithm or parameter (valid ones are listed)",
        "  3  data: a bad cell, a missing value under --missing fail, a corrupt model file",
        "  4  a file cannot be read or written"})
public final class Eddy implements Runnable {

  /** Success. */
  public static final int OK = 0;
  /** An unexpected failure. */
  public static final int SOFTWARE = 1;
  /** A usage error. */
  public static final int USAGE = 2;
  /** Unusable input data. */
  public static final int DATA = 3;
  /** An I/O failure. */
  public static final int IO = 4;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required; see eddy --help");
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Eddy.class.getPackage().getImplementationVersion();
      return new String[] {"eddy " + (v == null ? "(development build)" : v)};
    }
  }

  /** The subcommands, in the order {@code --help} lists them. */
  private static final Map<String, Class<?>> COMMANDS = commands();

  private static Map<String, Class<?>> commands() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    for (Class<?> c : List.of(ListCommand.class, SegmentCommand.class, ChooseKCommand.class, ScoreCommand.class,
        StreamCommand.class, RfmCommand.class, ServeCommand.class, AutoComplete.GenerateCompletion.class,
        CommandLine.HelpCommand.class)) {
      m.put(c.getAnnotation(Command.class).name(), c);
    }
    return Collections.unmodifiableMap(m);
  }

  /** The command line with every subcommand, configured; used by the tests. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The command line for these arguments: when the first names a command, only that command's
   * model is built (picocli reflects over every option of every command it registers, which
   * took 0.4-0.6 s of CPU per start and about 0.1 s warm); otherwise every command, so that
   * help, completion and the message for an unknown command see them all.
   */
  public static CommandLine commandLine(String... args) {
    String first = args.length > 0 ? args[0] : null;
    boolean one = first != null && COMMANDS.containsKey(first) && !first.equals("help")
        && !first.equals("generate-completion");
    CommandLine cl = new CommandLine(new Eddy());
    for (Map.Entry<String, Class<?>> e : COMMANDS.entrySet()) {
      if (!one || e.getKey().equals(first)) {
        cl.addSubcommand(e.getKey(), e.getValue());
      }
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(Eddy::handle);
    if (!one) {
      cl.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    }
    return cl;
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    int code;
    String message;
    if (e instanceof AppException) {
      code = ((AppException) e).exitCode();
      message = e.getMessage();
    } else if (e instanceof ModelFormatException) {
      code = DATA;
      message = "not a valid model file: " + e.getMessage();
    } else if (e instanceof NoSuchFileException) {
      code = USAGE;
      message = "no such file: " + e.getMessage();
    } else if (e instanceof AccessDeniedException) {
      code = IO;
      message = "permission denied: " + e.getMessage();
    } else if (e instanceof IOException) {
      code = IO;
      message = e.toString();
    } else {
      code = SOFTWARE;
      e.printStackTrace(err);
      message = "internal error: " + e;
    }
    err.println("eddy " + cl.getCommandName() + ": " + message);
    err.flush();
    return code;
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    if (args.length > 0 && !args[0].equals("list") && !args[0].equals("score") && !args[0].equals("serve")
        && !args[0].startsWith("-") && !args[0].equals("generate-completion") && !java.util.Arrays.asList(args).contains("--no-charts")) {
      Charts.warmUpInBackground();
    }
    System.exit(commandLine(args).execute(args));
  }
}
