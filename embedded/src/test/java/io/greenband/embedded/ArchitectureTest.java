package io.greenband.embedded;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.greenband.architecture.GreenbandModules;

/**
 * This module's main classes keep the project's architecture rules
 * (docs/architecture.md#architecture-rules).
 */
@AnalyzeClasses(
        packages = "io.greenband.embedded",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest static final ArchRule RULES = GreenbandModules.EMBEDDED.all();
}
