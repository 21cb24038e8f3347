package io.pulse.generator.life;

/** A contacts row as delivered: the contact's state from {@code updatedAt} (epoch seconds). */
public record ContactRecord(
    long updatedAt, String contactId, String role, boolean champion, boolean active) {}
