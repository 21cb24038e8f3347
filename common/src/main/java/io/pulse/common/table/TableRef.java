package io.pulse.common.table;

/** Where a table lives: its catalog name and its storage location. */
public record TableRef(Layer layer, String name, String location) {
  /** The catalog name, {@code <layer>.<name>}, as analysts query it. */
  public String qualifiedName() {
    return layer.database() + "." + name;
  }

  @Override
  public String toString() {
    return qualifiedName();
  }
}
