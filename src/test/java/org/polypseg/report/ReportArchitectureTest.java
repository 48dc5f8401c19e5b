package org.polypseg.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The arrows around reports: cli and web call report; report calls segment and model only. */
class ReportArchitectureTest {

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.polypseg");

  @Test
  void reportsDependOnNeitherTheWebNorTheCommandLine() {
    noClasses().that().resideInAPackage("org.polypseg.report..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("org.polypseg.web..", "org.polypseg.cli..", "org.polypseg.train..")
        .check(CLASSES);
  }

  @Test
  void nothingBelowReportsDependsOnThem() {
    noClasses().that().resideInAnyPackage("org.polypseg.segment..", "org.polypseg.model..",
            "org.polypseg.quantum..", "org.polypseg.image..", "org.polypseg.data..")
        .should().dependOnClassesThat().resideInAPackage("org.polypseg.report..")
        .check(CLASSES);
  }
}
