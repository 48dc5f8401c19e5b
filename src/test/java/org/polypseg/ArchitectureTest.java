package org.polypseg;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the package arrows of STYLE.md pointing one way. */
class ArchitectureTest {

  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.polypseg");

  @Test
  void noCycles() {
    slices().matching("org.polypseg.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void quantumKnowsNothingOfImagesOrTheNetwork() {
    noClasses().that().resideInAPackage("org.polypseg.quantum..")
        .should().dependOnClassesThat().resideInAnyPackage("org.polypseg.model..",
            "org.polypseg.image..", "org.polypseg.data..", "org.polypseg.segment..",
            "org.polypseg.train..", "org.polypseg.eval..", "org.polypseg.web..",
            "org.polypseg.report..", "org.polypseg.cli..")
        .check(classes);
  }

  @Test
  void modelDependsOnlyOnQuantumAndImage() {
    noClasses().that().resideInAPackage("org.polypseg.model..")
        .should().dependOnClassesThat().resideInAnyPackage("org.polypseg.data..",
            "org.polypseg.segment..", "org.polypseg.train..", "org.polypseg.eval..",
            "org.polypseg.web..", "org.polypseg.report..", "org.polypseg.cli..")
        .check(classes);
  }

  @Test
  void featuresDoNotReachUpToTheEntryPoints() {
    noClasses().that().resideInAnyPackage("org.polypseg.segment..", "org.polypseg.train..",
            "org.polypseg.eval..", "org.polypseg.report..", "org.polypseg.data..",
            "org.polypseg.video..", "org.polypseg.study..", "org.polypseg.archive..")
        .should().dependOnClassesThat().resideInAnyPackage("org.polypseg.web..", "org.polypseg.cli..")
        .check(classes);
  }

  /**
   * {@code web, cli, bench -> video -> segment, report}: a clip is frames for segment/, nothing
   * more.
   */
  @Test
  void videoUsesSegmentAndReportNotTheModel() {
    noClasses().that().resideInAPackage("org.polypseg.video..")
        .should().dependOnClassesThat().resideInAnyPackage("org.polypseg.model..",
            "org.polypseg.quantum..", "org.polypseg.train..", "org.polypseg.eval..",
            "org.polypseg.data..")
        .check(classes);
  }

  @Test
  void onlyTheEntryPointsUseVideo() {
    noClasses().that().resideInAnyPackage("org.polypseg.segment..", "org.polypseg.report..",
            "org.polypseg.model..", "org.polypseg.quantum..", "org.polypseg.train..",
            "org.polypseg.eval..", "org.polypseg.data..", "org.polypseg.image..")
        .should().dependOnClassesThat().resideInAPackage("org.polypseg.video..")
        .check(classes);
  }

  @Test
  void webUsesSegmentAndReportNotTheModelDirectly() {
    noClasses().that().resideInAPackage("org.polypseg.web..")
        .should().dependOnClassesThat().resideInAnyPackage("org.polypseg.quantum..",
            "org.polypseg.train..", "org.polypseg.data..")
        .allowEmptyShould(true)
        .check(classes);
  }

  /**
   * {@code web, cli -> study -> segment, video, eval, model}: studies use the features below
   * them, and only the entry points use studies.
   */
  @Test
  void onlyTheEntryPointsUseStudies() {
    noClasses().that().resideInAnyPackage("org.polypseg.segment..", "org.polypseg.report..",
            "org.polypseg.model..", "org.polypseg.quantum..", "org.polypseg.train..",
            "org.polypseg.eval..", "org.polypseg.data..", "org.polypseg.image..",
            "org.polypseg.video..", "org.polypseg.bench..")
        .should().dependOnClassesThat().resideInAPackage("org.polypseg.study..")
        .check(classes);
  }

  /** The consensus needs masks, not the network: it can be tested and reused without a model. */
  @Test
  void theConsensusKnowsNoModel() {
    noClasses().that().resideInAPackage("org.polypseg.study.consensus..")
        .should().dependOnClassesThat().resideInAnyPackage("org.polypseg.model..",
            "org.polypseg.quantum..", "org.polypseg.train..", "org.polypseg.segment..")
        .check(classes);
  }

  /**
   * {@code cli -> archive -> segment, video}: the archive job reuses the one code path for a
   * frame's figures, and only the command line starts it.
   */
  @Test
  void onlyTheCommandLineUsesTheArchiveAndTheArchiveKnowsNoWeb() {
    noClasses().that().resideOutsideOfPackages("org.polypseg.archive..", "org.polypseg.cli..")
        .should().dependOnClassesThat().resideInAPackage("org.polypseg.archive..")
        .check(classes);
    noClasses().that().resideInAPackage("org.polypseg.archive..")
        .should().dependOnClassesThat().resideInAnyPackage("org.polypseg.web..",
            "org.polypseg.train..", "org.polypseg.eval..", "org.polypseg.report..",
            "org.polypseg.study..")
        .check(classes);
  }

  /**
   * Spark (and the Hadoop it brings) is the archive's alone: it is not in the web app's jar, so
   * no other package may need it.
   */
  @Test
  void onlyTheArchiveUsesSpark() {
    noClasses().that().resideOutsideOfPackage("org.polypseg.archive..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..",
            "org.apache.hadoop..", "scala..")
        .check(classes);
  }
}
