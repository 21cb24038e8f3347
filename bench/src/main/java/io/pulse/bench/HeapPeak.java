package io.pulse.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The JVM's peak heap use while it is watched. Heap use only grows between collections, so its
 * peaks are the use just before each collection (from the collectors' notifications), or the use
 * now. Summing the pools' own peaks would overstate it: each pool peaks at another time.
 */
public final class HeapPeak {
  private final Set<String> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toSet());
  private final AtomicLong peak = new AtomicLong();

  private HeapPeak() {}

  /** Starts watching every collector of this JVM. */
  public static HeapPeak watch() {
    HeapPeak heap = new HeapPeak();
    ManagementFactory.getGarbageCollectorMXBeans()
        .forEach(
            gc ->
                ((NotificationEmitter) gc)
                    .addNotificationListener(
                        (notification, handback) -> {
                          if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                              .equals(notification.getType())) {
                            heap.record(
                                GarbageCollectionNotificationInfo.from(
                                        (CompositeData) notification.getUserData())
                                    .getGcInfo()
                                    .getMemoryUsageBeforeGc());
                          }
                        },
                        null,
                        null));
    return heap;
  }

  /** The highest heap use seen so far, in bytes. */
  public long bytes() {
    peak.accumulateAndGet(
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
    return peak.get();
  }

  private void record(Map<String, MemoryUsage> beforeGc) {
    long used =
        beforeGc.entrySet().stream()
            .filter(e -> heapPools.contains(e.getKey()))
            .mapToLong(e -> e.getValue().getUsed())
            .sum();
    peak.accumulateAndGet(used, Math::max);
  }
}
