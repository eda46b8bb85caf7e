package org.latentlab;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import java.util.concurrent.CompletableFuture;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The one-way dependencies of STYLE.md, checked: {@code ui -> experiment -> {train, latent, analysis, metrics} ->
 * {model, data} -> core}; {@code cli} beside {@code ui}, never importing it; only {@code ui} imports JavaFX; over
 * both, {@code app}: the {@code latentlab} command's entry point, which hands a command line to one or the other.
 */
@AnalyzeClasses(packages = "org.latentlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String APP = "org.latentlab.app..";
    private static final String UI = "org.latentlab.ui..";
    private static final String CLI = "org.latentlab.cli..";
    private static final String EXPERIMENT = "org.latentlab.experiment..";
    private static final String TRAIN = "org.latentlab.train..";
    private static final String LATENT = "org.latentlab.latent..";
    private static final String ANALYSIS = "org.latentlab.analysis..";
    private static final String METRICS = "org.latentlab.metrics..";
    private static final String MODEL = "org.latentlab.model..";
    private static final String ENGINE = "org.latentlab.engine..";
    private static final String DATA = "org.latentlab.data..";
    private static final String CORE = "org.latentlab.core..";

    @ArchTest
    static final ArchRule onlyUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackage(UI)
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("only org.latentlab.ui may import JavaFX; everything else runs headless");

    @ArchTest
    static final ArchRule cliDoesNotUseUi = noClasses()
            .that().resideInAPackage(CLI)
            .should().dependOnClassesThat().resideInAPackage(UI)
            .because("the CLI sits beside the UI and runs the same ExperimentRunner");

    @ArchTest
    static final ArchRule coreDependsOnNoOtherLabPackage = noClasses()
            .that().resideInAPackage(CORE)
            .should().dependOnClassesThat(resideInAPackage("org.latentlab..").and(resideOutsideOfPackage(CORE)))
            .because("core is the bottom layer");

    @ArchTest
    static final ArchRule dataAndModelStayBelowTraining = noClasses()
            .that().resideInAnyPackage(DATA, MODEL)
            .should().dependOnClassesThat(resideInAnyPackage(ENGINE, TRAIN, LATENT, ANALYSIS, EXPERIMENT, METRICS, CLI,
                    UI))
            .because("data and model sit under the engine, training, metrics and experiments");

    @ArchTest
    static final ArchRule trainDoesNotReachUp = noClasses()
            .that().resideInAPackage(TRAIN)
            .should().dependOnClassesThat(resideInAnyPackage(EXPERIMENT, CLI, UI, METRICS))
            .because("train is beside metrics and under experiment");

    @ArchTest
    static final ArchRule metricsDoesNotReachUp = noClasses()
            .that().resideInAPackage(METRICS)
            .should().dependOnClassesThat(resideInAnyPackage(TRAIN, EXPERIMENT, CLI, UI))
            .because("metrics measure arrays of samples, whatever trained them");

    @ArchTest
    static final ArchRule analysisRootDoesNotUseItsSubPackages = noClasses()
            .that().resideInAPackage("org.latentlab.analysis")
            .should().dependOnClassesThat(resideInAPackage(ANALYSIS)
                    .and(resideOutsideOfPackage("org.latentlab.analysis")))
            .because("the root holds what hessian/, landscape/, tangent/ and toy/ share (Objective, Vectors); code"
                    + " that uses them lives in a sub-package (e.g. bench/), so the dependencies stay one-way");

    @ArchTest
    static final ArchRule analysisSubPackagesAreFreeOfCycles = slices()
            .matching("org.latentlab.analysis.(*)..")
            .should().beFreeOfCycles()
            .because("hessian is under landscape and toy; a cycle would tie them into one package");

    @ArchTest
    static final ArchRule experimentDoesNotUseCliOrUi = noClasses()
            .that().resideInAPackage(EXPERIMENT)
            .should().dependOnClassesThat(resideInAnyPackage(CLI, UI))
            .because("the CLI and the UI both drive experiments, not the other way round");

    /**
     * The whole stack at once: each layer may use only the layers under it. {@code engine} (the lab's compute
     * engine) sits over {@code model} and {@code data}, under {@code train}; {@code latent}, {@code analysis} and
     * {@code metrics} sit beside {@code train}; {@code cli} and {@code ui} sit beside each other, under {@code app}.
     */
    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("core").definedBy(CORE)
            .layer("data").definedBy(DATA)
            .layer("model").definedBy(MODEL)
            .layer("engine").definedBy(ENGINE)
            .layer("train").definedBy(TRAIN)
            .layer("latent").definedBy(LATENT)
            .layer("analysis").definedBy(ANALYSIS)
            .layer("metrics").definedBy(METRICS)
            .layer("experiment").definedBy(EXPERIMENT)
            .layer("cli").definedBy(CLI)
            .layer("ui").definedBy(UI)
            .layer("app").definedBy(APP)
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
            .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
            .whereLayer("experiment").mayOnlyBeAccessedByLayers("cli", "ui")
            .whereLayer("latent").mayOnlyBeAccessedByLayers("experiment", "cli", "ui")
            .whereLayer("analysis").mayOnlyBeAccessedByLayers("experiment", "cli", "ui")
            .whereLayer("metrics").mayOnlyBeAccessedByLayers("experiment", "latent", "analysis", "cli", "ui")
            .whereLayer("train").mayOnlyBeAccessedByLayers("latent", "analysis", "experiment", "cli", "ui")
            .whereLayer("engine").mayOnlyBeAccessedByLayers("train", "latent", "analysis", "experiment", "cli", "ui",
                    "app")
            .whereLayer("model").mayOnlyBeAccessedByLayers("engine", "train", "latent", "analysis", "metrics",
                    "experiment", "cli", "ui")
            .whereLayer("data").mayOnlyBeAccessedByLayers("model", "engine", "train", "latent", "analysis", "metrics",
                    "experiment", "cli", "ui")
            .because("dependencies point one way, down the stack of STYLE.md");

    @ArchTest
    static final ArchRule noCyclesBetweenFeaturePackages = slices()
            .matching("org.latentlab.(**)")
            .should().beFreeOfCycles()
            .because("every package, down to sub-packages such as train.ae or ui.geometry, reads without its users");

    @ArchTest
    static final ArchRule viewModelsDoNotTouchTheSceneGraph = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .because("a ViewModel holds state and runs jobs, is tested in plain JUnit, and leaves nodes to its view");

    @ArchTest
    static final ArchRule uiRunsBackgroundWorkThroughTheTaskRunner = noClasses()
            .that().resideInAPackage(UI)
            .should().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
            .orShould().callMethodWhere(target(owner(type(CompletableFuture.class)))
                    .and(target(nameMatching("runAsync|supplyAsync"))))
            .orShould().callConstructorWhere(target(owner(assignableTo(Thread.class))))
            .because("background jobs in the window go through core.TaskRunner (no executors, threads or common-pool"
                    + " futures of its own), so failures reach the screen and ViewModels can be tested with the"
                    + " direct runner");
}
