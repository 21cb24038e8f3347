package io.pulse.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents every key application.conf declares. */
class ConfigDocsTest {
  @Test
  void everyDeclaredKeyIsDocumented() throws IOException {
    Config declared = ConfigFactory.parseResources(PulseConfig.RESOURCE_DIR + "application.conf");
    String docs = Files.readString(Path.of("..", "docs", "configuration.md"));

    List<String> undocumented =
        declared.entrySet().stream()
            .map(Map.Entry::getKey)
            .map(k -> String.join(".", ConfigUtil.splitPath(k)))
            .filter(k -> !docs.contains("`" + k + "`"))
            .sorted()
            .toList();

    assertEquals(List.of(), undocumented, "keys missing from docs/configuration.md");
  }
}
