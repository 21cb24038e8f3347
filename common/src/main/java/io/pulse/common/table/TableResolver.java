package io.pulse.common.table;

/** Resolves a layer and table name to its catalog name and location under the warehouse root. */
public final class TableResolver {
  private final String warehouse;

  /**
   * @param warehouse root URI ({@code file://…} or {@code s3a://…}) without a trailing slash
   */
  public TableResolver(String warehouse) {
    this.warehouse = warehouse;
  }

  public TableRef resolve(Layer layer, String name) {
    return new TableRef(layer, name, databaseLocation(layer) + "/" + name);
  }

  public TableRef resolve(TableDef def) {
    return resolve(def.layer(), def.name());
  }

  /** The folder holding every table of {@code layer}. */
  public String databaseLocation(Layer layer) {
    return warehouse + "/" + layer.database();
  }
}
