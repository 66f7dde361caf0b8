package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * One log call gets one PW018, listing every element that reaches it, also when the elements
 * arrive by different paths that are known only when the compilation ends (each through its own
 * field of an object a class analysed later fills).
 */
class OneWarningPerCallTest {
  private static final String SERVICE = """
      package com.acme;
      public class Service {
        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Service.class);
        Mapper mapper;
        com.fasterxml.jackson.databind.ObjectMapper json;
        void send(User u) throws Exception {
          Dto dto = mapper.toDto(u);
          String body = json.writeValueAsString(dto);
          log.info(body); // log:body
        }
      }
      """;

  @Test
  void elementsReachingOneCallByDifferentPathsGetOneWarning() {
    FlowCompilation compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source("com.acme.Dto", """
            package com.acme;
            public class Dto { public String email; public String name; }
            """),
        FlowCompilation.source("com.acme.Mapper", """
            package com.acme;
            public interface Mapper { Dto toDto(User u); }
            """),
        FlowCompilation.source("com.acme.Service", SERVICE),
        FlowCompilation.source("com.acme.MapperImpl", """
            package com.acme;
            public class MapperImpl implements Mapper {
              @Override public Dto toDto(User u) {
                Dto dto = new Dto();
                dto.email = u.getEmail();
                dto.name = u.name;
                return dto;
              }
            }
            """));

    List<Diagnostic<?>> warnings = compiled.compilation.diagnostics().stream()
        .filter(d -> d.getMessage(null).startsWith("PW018"))
        .filter(d -> d.getLineNumber() == FlowCompilation.line(SERVICE, "log:body"))
        .<Diagnostic<?>>map(d -> d)
        .toList();
    assertThat(warnings.stream().map(d -> d.getMessage(null)).toList()).hasSize(1);
    assertThat(warnings.get(0).getMessage(null)).contains(FlowFixtures.EMAIL);
    assertThat(warnings.get(0).getMessage(null)).contains(FlowFixtures.NAME);
  }
}
