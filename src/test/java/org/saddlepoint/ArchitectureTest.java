package org.saddlepoint;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import org.junit.jupiter.api.Test;

/**
 * The module boundaries of the three source roots, checked on the production classes:
 * <ul>
 *   <li>{@code solvers/} (org.saddlepoint.solvers.. and the CLI framework org.saddlepoint.cli..)
 *       is the base: it uses neither games nor robust;</li>
 *   <li>{@code games/} and {@code robust/} build on it and do not use each other.</li>
 * </ul>
 * Every rule fails when its subject packages hold no class (allowEmptyShould(false)), so a
 * renamed package cannot make it pass vacuously.
 */
@AnalyzeClasses(packages = "org.saddlepoint",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestClasses.class})
class ArchitectureTest {
    /**
     * Leaves out Maven's test output whatever the build folder is called: ArchUnit's own
     * DoNotIncludeTests knows only target/test-classes, and parallel builds use -Dsp.buildDir.
     */
    public static final class NoTestClasses implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }

    static final String SOLVERS = "org.saddlepoint.solvers..";
    static final String CLI = "org.saddlepoint.cli..";
    static final String GAMES = "org.saddlepoint.games..";
    static final String ROBUST = "org.saddlepoint.robust..";

    @ArchTest
    static final ArchRule solversAndCliUseNoModule = noClasses()
            .that().resideInAnyPackage(SOLVERS, CLI)
            .should().dependOnClassesThat().resideInAnyPackage(GAMES, ROBUST)
            .because("solvers/ is the base of games/ and robust/; the CLI finds their commands with ServiceLoader")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule solversDoNotUseTheCli = noClasses()
            .that().resideInAPackage(SOLVERS)
            .should().dependOnClassesThat().resideInAPackage(CLI)
            .because("the solver library must be usable without its command line")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule gamesDoNotUseRobust = noClasses()
            .that().resideInAPackage(GAMES)
            .should().dependOnClassesThat().resideInAPackage(ROBUST)
            .because("games/ and robust/ are independent modules on top of solvers/")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule robustDoesNotUseGames = noClasses()
            .that().resideInAPackage(ROBUST)
            .should().dependOnClassesThat().resideInAPackage(GAMES)
            .because("games/ and robust/ are independent modules on top of solvers/")
            .allowEmptyShould(false);

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(new NoTestClasses())
            .importPackages("org.saddlepoint");

    @Test
    void theImportSeesEveryModuleThatExists() {
        assertTrue(PRODUCTION.containPackage("org.saddlepoint.solvers"), "solvers imported");
        assertTrue(PRODUCTION.containPackage("org.saddlepoint.cli"), "cli imported");
        assertTrue(PRODUCTION.containPackage("org.saddlepoint.games"), "games imported");
        assertTrue(PRODUCTION.containPackage("org.saddlepoint.robust.groupwise"), "robust imported");
        assertFalse(PRODUCTION.stream().anyMatch(c -> c.getSimpleName().endsWith("Test")), "no test classes");
    }

    @Test
    void theRulesCatchAViolation() {
        // A test-only class in org.saddlepoint.cli that uses org.saddlepoint.games.MatrixGame.
        JavaClasses withViolation = new ClassFileImporter().importPackages("org.saddlepoint.cli", "org.saddlepoint.games");
        assertTrue(withViolation.stream().anyMatch(c -> c.getSimpleName().equals("LayerViolationSample")));
        EvaluationResult result = solversAndCliUseNoModule.evaluate(withViolation);
        assertTrue(result.hasViolation(), "the rule must flag LayerViolationSample");
        assertTrue(result.getFailureReport().toString().contains("LayerViolationSample"),
                result.getFailureReport().toString());
        assertFalse(solversAndCliUseNoModule.evaluate(PRODUCTION).hasViolation(),
                solversAndCliUseNoModule.evaluate(PRODUCTION).getFailureReport().toString());
    }
}
