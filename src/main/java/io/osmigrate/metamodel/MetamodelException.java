package io.osmigrate.metamodel;

/** The metamodel of an environment cannot be read or does not look like an OutSystems 11 platform database. */
public class MetamodelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MetamodelException(String message) {
        super(message);
    }

    public MetamodelException(String message, Throwable cause) {
        super(message, cause);
    }
}
