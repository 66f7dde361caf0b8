package dev.piiwarden.maven.input;

import dev.piiwarden.maven.ContentFreeCause;
import dev.piiwarden.maven.PluginMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.RepositoryUtils;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * The jars and class folders on modules' compile classpath, where the data elements their
 * dependencies declare are read from.
 *
 * <p>The goal asks Maven only to collect the dependencies, so that a goal run on its own ({@code mvn
 * piiwarden:check}) does not fail on a module of the reactor that was never installed. In a build
 * that compiled the module, Maven has resolved them already; otherwise a dependency built by the
 * reactor is read from its class folder, and any other is resolved here.
 */
public final class CompileDependencies {
  private static final Set<String> COMPILE_SCOPES =
      Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_PROVIDED, Artifact.SCOPE_SYSTEM);

  private CompileDependencies() {}

  /**
   * The jar or class folder of each compile dependency of {@code modules}, by artifact id, in order;
   * the modules themselves are left out (their classes are read anyway), and so is a reactor module
   * that has no class folder yet.
   *
   * @throws MojoExecutionException when a dependency cannot be resolved
   */
  public static Map<String, Path> of(List<MavenProject> modules, MavenSession session, RepositorySystem repositories)
      throws MojoExecutionException {
    Set<String> own = modules.stream().map(m -> m.getGroupId() + ":" + m.getArtifactId()).collect(Collectors.toSet());
    Map<String, Path> files = new LinkedHashMap<>();
    for (MavenProject module : modules) {
      for (Artifact artifact : module.getArtifacts()) {
        if (!COMPILE_SCOPES.contains(artifact.getScope()) || !artifact.getArtifactHandler().isAddedToClasspath()
            || own.contains(artifact.getGroupId() + ":" + artifact.getArtifactId())
            || files.containsKey(artifact.getId())) {
          continue;
        }
        Path file = file(artifact, module, session, repositories);
        if (file != null && (Files.isDirectory(file) || file.getFileName().toString().endsWith(".jar"))) {
          files.put(artifact.getId(), file);
        }
      }
    }
    return files;
  }

  private static Path file(Artifact artifact, MavenProject module, MavenSession session, RepositorySystem repositories)
      throws MojoExecutionException {
    if (artifact.getFile() != null) {
      return artifact.getFile().toPath();
    }
    List<MavenProject> reactor = session.getAllProjects() != null ? session.getAllProjects() : session.getProjects();
    for (MavenProject built : reactor) {
      if (built.getGroupId().equals(artifact.getGroupId()) && built.getArtifactId().equals(artifact.getArtifactId())
          && built.getVersion().equals(artifact.getBaseVersion())) {
        Path classes = Path.of(built.getBuild().getOutputDirectory());
        return Files.isDirectory(classes) ? classes : null;
      }
    }
    ArtifactRequest request =
        new ArtifactRequest(RepositoryUtils.toArtifact(artifact), module.getRemoteProjectRepositories(), null);
    try {
      return repositories.resolveArtifact(session.getRepositorySession(), request).getArtifact().getFile().toPath();
    } catch (ArtifactResolutionException e) {
      throw ContentFreeCause.error(PluginMessage.UNRESOLVED_DEPENDENCY.format(artifact.getId(), e.getMessage()), e);
    }
  }
}
