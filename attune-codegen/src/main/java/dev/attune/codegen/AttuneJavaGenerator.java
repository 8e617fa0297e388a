package dev.attune.codegen;

import org.jooq.codegen.JavaGenerator;
import org.jooq.codegen.JavaWriter;
import org.jooq.meta.SchemaDefinition;

/**
 * jOOQ's {@link JavaGenerator} with one addition: the classes that only hold static references ({@code Tables},
 * {@code Keys}, {@code Indexes}, {@code Routines}) get a private constructor. attune-repositories is a named module that
 * exports the generated packages, and javac (lint {@code missing-explicit-ctor}) refuses to export a class whose only
 * constructor is the implicit public one. Named in {@code attune-repositories/src/codegen/jooq-codegen.xml}.
 */
public class AttuneJavaGenerator extends JavaGenerator {

    /** The generator jOOQ instantiates by the name in the configuration. */
    public AttuneJavaGenerator() {
    }

    /**
     * Ends {@code Tables} with its private constructor.
     *
     * @param schema the schema being generated
     * @param out    the writer of {@code Tables}
     */
    @Override
    protected void generateTableReferencesClassFooter(SchemaDefinition schema, JavaWriter out) {
        super.generateTableReferencesClassFooter(schema, out);
        privateConstructor(out);
    }

    /**
     * Ends {@code Keys} with its private constructor.
     *
     * @param schema the schema being generated
     * @param out    the writer of {@code Keys}
     */
    @Override
    protected void generateRelationsClassFooter(SchemaDefinition schema, JavaWriter out) {
        super.generateRelationsClassFooter(schema, out);
        privateConstructor(out);
    }

    /**
     * Ends {@code Indexes} with its private constructor.
     *
     * @param schema the schema being generated
     * @param out    the writer of {@code Indexes}
     */
    @Override
    protected void generateIndexesClassFooter(SchemaDefinition schema, JavaWriter out) {
        super.generateIndexesClassFooter(schema, out);
        privateConstructor(out);
    }

    /**
     * Ends {@code Routines} with its private constructor.
     *
     * @param schema the schema being generated
     * @param out    the writer of {@code Routines}
     */
    @Override
    protected void generateRoutinesClassFooter(SchemaDefinition schema, JavaWriter out) {
        super.generateRoutinesClassFooter(schema, out);
        privateConstructor(out);
    }

    private static void privateConstructor(JavaWriter out) {
        String fileName = out.file().getName();
        String className = fileName.substring(0, fileName.length() - ".java".length());
        out.println();
        out.println("private %s() {", className);
        out.println("}");
    }
}
