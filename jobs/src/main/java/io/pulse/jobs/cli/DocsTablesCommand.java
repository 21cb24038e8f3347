package io.pulse.jobs.cli;

import io.pulse.jobs.TableCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pulse docs-tables [--out FILE]}: writes docs/tables.md from the table definitions. */
@Command(
    name = "docs-tables",
    mixinStandardHelpOptions = true,
    description = "Write the table catalogue (docs/tables.md) from the table definitions in code.")
public final class DocsTablesCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      paramLabel = "FILE",
      defaultValue = "docs/tables.md",
      description = "Where to write it, - for stdout; default ${DEFAULT-VALUE}.")
  String out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    String page = TableDocs.render(TableCatalog.all());
    if ("-".equals(out)) {
      spec.commandLine().getOut().print(page);
      spec.commandLine().getOut().flush();
      return 0;
    }
    Path file = Path.of(out);
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    Files.writeString(file, page, StandardCharsets.UTF_8);
    spec.commandLine().getOut().println("wrote " + file);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
