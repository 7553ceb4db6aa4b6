package com.nettoria.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/** The write side's domain keeps to the house rules: no Spring, no I/O, no setters, no floating-point money. */
@AnalyzeClasses(packages = "com.nettoria.command", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule aggregatesAndRulesDoNotDependOnSpring = noClasses()
            .that().resideOutsideOfPackages("com.nettoria.command.common..", "com.nettoria.command..adapter..")
            .and().doNotHaveSimpleName("CommandSideApplication")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                    "java.net..", "java.io..")
            .because("aggregates decide from their own state only; infrastructure lives at the edges, in adapter packages");

    @ArchTest
    static final ArchRule aggregatesHaveNoSetters = noMethods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
            .should().haveNameMatching("set[A-Z].*")
            .because("aggregates change only by applying events");

    @ArchTest
    static final ArchRule noFloatingPointMoney = fields()
            .should().notHaveRawType(double.class).andShould().notHaveRawType(float.class)
            .andShould().notHaveRawType(Double.class).andShould().notHaveRawType(Float.class)
            .because("money is BigDecimal at the currency's scale");
}
