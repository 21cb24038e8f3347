package io.pulse.jobs.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jobs and the jobs each one reads the output of (its upstream), checked to be a DAG of known
 * names. {@link #order()} is a topological order that keeps the declaration order where the edges
 * allow, so the printed graph and the run order are stable.
 */
public final class JobGraph {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, List<String>> upstream;
  private final List<String> order;

  private JobGraph(Map<String, List<String>> upstream) {
    this.upstream = upstream;
    this.order = topologicalOrder(upstream);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Declares jobs one at a time; {@link #build()} rejects unknown upstream names and cycles. */
  public static final class Builder {
    private final Map<String, List<String>> upstream = new LinkedHashMap<>();

    private Builder() {}

    /** Adds {@code job}, run after every job of {@code after}. */
    public Builder job(String job, String... after) {
      if (upstream.containsKey(job)) {
        throw new IllegalArgumentException("job " + job + " is declared twice");
      }
      List<String> names = List.of(after);
      if (new LinkedHashSet<>(names).size() != names.size()) {
        throw new IllegalArgumentException("job " + job + " names an upstream job twice");
      }
      upstream.put(job, names);
      return this;
    }

    public JobGraph build() {
      upstream.forEach(
          (job, after) -> {
            for (String name : after) {
              if (!upstream.containsKey(name)) {
                throw new IllegalArgumentException(
                    "job " + job + " runs after " + name + ", which is not in the graph");
              }
            }
          });
      return new JobGraph(Collections.unmodifiableMap(new LinkedHashMap<>(upstream)));
    }
  }

  /** Every job, each after all of its upstream jobs. */
  public List<String> order() {
    return order;
  }

  public boolean contains(String job) {
    return upstream.containsKey(job);
  }

  /** The jobs {@code job} reads the output of directly. */
  public List<String> upstream(String job) {
    List<String> names = upstream.get(job);
    if (names == null) {
      throw new IllegalArgumentException("no job " + job + " in the graph");
    }
    return names;
  }

  /** The graph as JSON: {@code {"jobs": [{"name": …, "upstream": [...]}, …]}} in run order. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode jobs = root.putArray("jobs");
    for (String job : order) {
      ObjectNode node = jobs.addObject();
      node.put("name", job);
      ArrayNode after = node.putArray("upstream");
      upstream(job).forEach(after::add);
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the job graph as JSON", e);
    }
  }

  /** One line per job in run order: {@code health <- revenue, usage, …}. */
  public String toText() {
    int width = order.stream().mapToInt(String::length).max().orElse(0);
    StringBuilder text = new StringBuilder();
    for (String job : order) {
      List<String> after = upstream(job);
      String line =
          String.format(
              "%-" + width + "s  %s",
              job,
              after.isEmpty() ? "(no upstream job)" : "<- " + String.join(", ", after));
      text.append(line.stripTrailing()).append('\n');
    }
    return text.toString();
  }

  /** Kahn's algorithm, taking the ready job declared first each time; fails on a cycle. */
  private static List<String> topologicalOrder(Map<String, List<String>> upstream) {
    Map<String, Integer> waitingOn = new HashMap<>();
    Map<String, List<String>> downstream = new HashMap<>();
    upstream.forEach(
        (job, after) -> {
          waitingOn.put(job, after.size());
          after.forEach(u -> downstream.computeIfAbsent(u, k -> new ArrayList<>()).add(job));
        });
    List<String> declared = new ArrayList<>(upstream.keySet());
    List<String> order = new ArrayList<>();
    Set<String> ready = new LinkedHashSet<>();
    declared.stream().filter(j -> waitingOn.get(j) == 0).forEach(ready::add);
    while (!ready.isEmpty()) {
      String next =
          declared.stream()
              .filter(ready::contains)
              .findFirst()
              .orElseThrow(IllegalStateException::new);
      ready.remove(next);
      order.add(next);
      for (String job : downstream.getOrDefault(next, List.of())) {
        if (waitingOn.merge(job, -1, Integer::sum) == 0) {
          ready.add(job);
        }
      }
    }
    if (order.size() != upstream.size()) {
      List<String> stuck = declared.stream().filter(j -> !order.contains(j)).toList();
      throw new IllegalArgumentException("the job graph has a cycle among " + stuck);
    }
    return Collections.unmodifiableList(order);
  }
}
