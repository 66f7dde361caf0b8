#!/usr/bin/env python3
"""Generates a Java project for measuring PII Warden's compile-time cost.

usage: generate.py OUT_DIR [CLASSES]   (default 1500 classes)

A third of the classes are annotated data classes, a third services that read them and
log, send over HTTP or write to a database, a third plain helpers. Small stand-ins for SLF4J,
Jackson and Spring Data are generated too, so javac needs nothing but the annotations jar.
Deterministic: the same arguments give the same files.
"""
import os
import sys

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 1500
groups = count // 3


def write(rel, text):
    path = os.path.join(out, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


write("org/slf4j/Logger.java", "package org.slf4j;\npublic interface Logger {\n"
      "  void info(String format, Object... args);\n  void debug(String format, Object... args);\n}\n")
write("org/slf4j/LoggerFactory.java", "package org.slf4j;\npublic final class LoggerFactory {\n"
      "  public static Logger getLogger(Class<?> c) { return null; }\n}\n")
write("com/fasterxml/jackson/databind/ObjectMapper.java",
      "package com.fasterxml.jackson.databind;\npublic class ObjectMapper {\n"
      "  public String writeValueAsString(Object o) { return \"\"; }\n}\n")
write("org/springframework/data/repository/CrudRepository.java",
      "package org.springframework.data.repository;\npublic interface CrudRepository<T, ID> {\n"
      "  <S extends T> S save(S entity);\n}\n")

for i in range(groups):
    write(f"bench/data/Customer{i}.java", f"""package bench.data;

import dev.piiwarden.annotations.*;

public class Customer{i} {{
  @DataSubject private final String id;
  @PersonalData(category = Category.USER_CONTACT_EMAIL, purposes = Purpose.ESSENTIAL_SERVICE)
  private String email;
  @PersonalData(category = Category.USER_NAME, purposes = Purpose.ESSENTIAL_SERVICE)
  private String name;
  private int visits;

  public Customer{i}(String id, String email, String name) {{
    this.id = id;
    this.email = email;
    this.name = name;
  }}

  public String getId() {{ return id; }}
  public String getEmail() {{ return email; }}
  public String getName() {{ return name; }}
  public int getVisits() {{ return visits; }}
  public void visit() {{ visits++; }}
}}
""")
    write(f"bench/service/Service{i}.java", f"""package bench.service;

import bench.data.Customer{i};
import bench.util.Helper{i};
import dev.piiwarden.annotations.*;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class Service{i} {{
  private static final Logger log = LoggerFactory.getLogger(Service{i}.class);
  private final com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
  private final org.springframework.data.repository.CrudRepository<Customer{i}, String> repository;
  private final Helper{i} helper = new Helper{i}();

  public Service{i}(org.springframework.data.repository.CrudRepository<Customer{i}, String> repository) {{
    this.repository = repository;
  }}

  @ProcessingActivity(name = "Registration {i}", purposes = Purpose.ESSENTIAL_SERVICE)
  public void register(Customer{i} customer) {{
    customer.visit();
    String greeting = "Welcome " + customer.getName();
    log.info("registered {{}} {{}}", customer.getId(), greeting);
    repository.save(customer);
    helper.remember(customer.getEmail());
  }}

  public HttpRequest notifyPartner(Customer{i} customer) throws Exception {{
    String body = mapper.writeValueAsString(customer);
    return HttpRequest.newBuilder(new URI("https://partner.example/" + customer.getId()))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }}

  public List<String> summarize(List<Customer{i}> customers) {{
    List<String> lines = new ArrayList<>();
    for (Customer{i} c : customers) {{
      StringBuilder sb = new StringBuilder();
      sb.append(c.getId()).append(':').append(c.getVisits());
      lines.add(sb.toString());
    }}
    customers.forEach(c -> log.debug("seen {{}}", c.getId()));
    return lines;
  }}

  public int score(int a, int b) {{
    int total = 0;
    for (int k = 0; k < a; k++) {{
      total += k % 3 == 0 ? b : -b;
    }}
    return Math.max(total, helper.size());
  }}
}}
""")
    write(f"bench/util/Helper{i}.java", f"""package bench.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public class Helper{i} {{
  private final List<String> seen = new ArrayList<>();
  private final Map<String, Integer> counts = new TreeMap<>();

  public void remember(String value) {{
    seen.add(value);
    counts.merge(value.substring(0, Math.min(3, value.length())), 1, Integer::sum);
  }}

  public int size() {{
    return seen.size();
  }}

  public String report() {{
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {{
      sb.append(e.getKey()).append('=').append(e.getValue()).append('\\n');
    }}
    return sb.toString();
  }}
}}
""")
