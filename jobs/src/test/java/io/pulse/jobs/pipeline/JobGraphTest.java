package io.pulse.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The graph's order, its validation and its two printed forms, on small hand-made graphs. */
class JobGraphTest {
  @Test
  void ordersEachJobAfterItsUpstreamKeepingDeclarationOrderOtherwise() {
    // d is declared first but waits for c; a and b are free and keep their order.
    JobGraph graph = JobGraph.builder().job("d", "c").job("a").job("c", "b").job("b").build();
    assertEquals(List.of("a", "b", "c", "d"), graph.order());

    JobGraph diamond =
        JobGraph.builder()
            .job("top")
            .job("right", "top")
            .job("left", "top")
            .job("end", "left", "right")
            .build();
    assertEquals(List.of("top", "right", "left", "end"), diamond.order());
  }

  @Test
  void rejectsUnknownUpstreamCyclesAndDuplicates() {
    var unknown =
        assertThrows(
            IllegalArgumentException.class, () -> JobGraph.builder().job("a", "ghost").build());
    assertEquals("job a runs after ghost, which is not in the graph", unknown.getMessage());

    var cycle =
        assertThrows(
            IllegalArgumentException.class,
            () -> JobGraph.builder().job("x").job("a", "c").job("b", "a").job("c", "b").build());
    assertEquals("the job graph has a cycle among [a, b, c]", cycle.getMessage());

    assertThrows(IllegalArgumentException.class, () -> JobGraph.builder().job("a", "a").build());
    assertThrows(IllegalArgumentException.class, () -> JobGraph.builder().job("a").job("a"));
    assertThrows(
        IllegalArgumentException.class, () -> JobGraph.builder().job("a").job("b", "a", "a"));
  }

  @Test
  void printsTextAndJsonInRunOrder() throws Exception {
    JobGraph graph = JobGraph.builder().job("sink", "b", "a").job("a").job("b", "a").build();
    assertEquals("a     (no upstream job)\nb     <- a\nsink  <- b, a\n", graph.toText());

    JsonNode json = new ObjectMapper().readTree(graph.toJson());
    assertEquals(
        new ObjectMapper()
            .readTree(
                "{\"jobs\":[{\"name\":\"a\",\"upstream\":[]},{\"name\":\"b\",\"upstream\":[\"a\"]},"
                    + "{\"name\":\"sink\",\"upstream\":[\"b\",\"a\"]}]}"),
        json);
  }

  @Test
  void upstreamOfAnUnknownJobFails() {
    JobGraph graph = JobGraph.builder().job("a").build();
    assertTrue(graph.contains("a"));
    assertThrows(IllegalArgumentException.class, () -> graph.upstream("b"));
  }
}
