package io.eddy.app;

import io.eddy.Capability;
import io.eddy.ClustererProvider;
import io.eddy.Clusterers;
import io.eddy.Parameter;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code eddy list}: every registered clusterer with its parameters and capabilities. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "Lists every registered clusterer (plug-ins on the class path included) with its "
        + "capabilities and parameters: type, default, range and meaning.")
final class ListCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (ClustererProvider p : Clusterers.providers()) {
      TreeSet<String> caps = new TreeSet<>();
      for (Capability c : p.capabilities()) {
        caps.add(c.name().toLowerCase(Locale.ROOT));
      }
      out.printf(Locale.ROOT, "%s%n  %s%n  capabilities: %s%n", p.name(), p.description(), String.join(", ", caps));
      for (Parameter q : p.parameters()) {
        out.printf(Locale.ROOT, "  --param %-22s %-8s default %-12s range %s%n      %s%n", q.name() + "=",
            q.type().name().toLowerCase(Locale.ROOT), q.defaultValue(), q.range(), q.doc());
      }
      out.println();
    }
    out.flush();
    return Eddy.OK;
  }
}
