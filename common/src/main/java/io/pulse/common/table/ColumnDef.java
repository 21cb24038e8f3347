package io.pulse.common.table;

import org.apache.spark.sql.types.DataType;

/** One documented column of a table: the comment goes to the catalog and docs/tables.md. */
public record ColumnDef(String name, DataType type, String comment) {}
