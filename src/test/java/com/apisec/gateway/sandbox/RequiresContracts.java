package com.apisec.gateway.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs the vendor contracts (for {@link SandboxFixture#withContracts}):
 * without them it is reported as skipped with the reason, or failed on CI.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ContractFiles.Condition.class)
public @interface RequiresContracts {}
