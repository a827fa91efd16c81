package org.gazette.editor;

import org.gazette.TestDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The username rules of the schema hold on PostgreSQL, the production database, too. */
class EditorAccountSchemaPostgresTests extends EditorAccountSchemaTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabases.postgresDatabase().forEach((name, value) -> registry.add(name, () -> value));
    }

}
