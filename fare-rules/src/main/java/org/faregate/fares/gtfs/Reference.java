package org.faregate.fares.gtfs;

/** A foreign key to check once every file is loaded: the value of a field and the file that must define it. */
record Reference(String file, int line, String field, Object value, String target) {

    Reference(Fields fields, String field, Object value, String target) {
        this(fields.file(), fields.line(), field, value, target);
    }
}
