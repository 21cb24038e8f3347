package io.pulse.generator.life;

import io.pulse.generator.catalog.Segment;

/** The CRM's view of an account from {@code updatedAt} (epoch seconds): segment and owner. */
public record CrmVersion(long updatedAt, Segment segment, String csmOwner) {}
