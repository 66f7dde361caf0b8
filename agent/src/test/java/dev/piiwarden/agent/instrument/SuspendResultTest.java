package dev.piiwarden.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The type a Kotlin suspend function gives its caller, read from its generic signature. */
class SuspendResultTest {
  private static final String DESCRIPTOR =
      "(Lcom/acme/Customer;Lkotlin/coroutines/Continuation;)Ljava/lang/Object;";

  private static String result(String continuationArgument) {
    return ConsentMethodRewriter.suspendResult(DESCRIPTOR,
        "(Lcom/acme/Customer;Lkotlin/coroutines/Continuation<" + continuationArgument + ">;)Ljava/lang/Object;");
  }

  @Test
  void theContinuationsTypeArgumentErased() {
    assertEquals("java.util.List", result("-Ljava/util/List<Ljava/lang/String;>;"));
    assertEquals("java.lang.String", result("-Ljava/lang/String;"));
    assertEquals("kotlin.Unit", result("-Lkotlin/Unit;"));
    assertEquals("java.util.Map", result("-Ljava/util/Map<Ljava/lang/String;+Ljava/util/List<Ljava/lang/Integer;>;>;"));
  }

  @Test
  void boxedPrimitivesAreNamedAsTheirPrimitivesAndArraysKeepTheirDimensions() {
    assertEquals("int", result("-Ljava/lang/Integer;"));
    assertEquals("boolean", result("-Ljava/lang/Boolean;"));
    assertEquals("java.lang.String[][]", result("-[[Ljava/lang/String;"));
  }

  @Test
  void noneForTypeVariablesPrimitiveArraysOrOtherMethods() {
    assertNull(result("-TT;"));
    assertNull(result("*"));
    assertNull(result("-[I"));
    assertNull(ConsentMethodRewriter.suspendResult(DESCRIPTOR, null), "no signature");
    assertNull(ConsentMethodRewriter.suspendResult("(Ljava/util/List;)Ljava/util/List;",
        "(Ljava/util/List<Lkotlin/coroutines/Continuation<-Ljava/lang/String;>;>;)Ljava/util/List<Ljava/lang/String;>;"),
        "a Continuation that is not the last parameter");
  }
}
