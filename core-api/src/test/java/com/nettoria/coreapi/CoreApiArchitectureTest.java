package com.nettoria.coreapi;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** core-api is the contract every side shares: the JDK and Axon's message annotations, nothing else. */
@AnalyzeClasses(packages = "com.nettoria.coreapi", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreApiArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnlyOnTheJdkAndAxonMessageAnnotations = classes()
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "com.nettoria.coreapi..")
                    .or(belongToAnyOf(TargetAggregateIdentifier.class, Revision.class)))
            .because("core-api holds only messages and value types; no Spring, JPA, Jackson or Lombok");

    @ArchTest
    static final ArchRule messagesAreRecords = classes()
            .that().haveSimpleNameEndingWith("Command")
            .or().haveSimpleNameEndingWith("Event")
            .or().haveSimpleNameEndingWith("Query")
            .should().beRecords()
            .because("messages are immutable records");
}
