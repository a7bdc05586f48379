package dev.konnectplugins.cli;

import dev.konnectplugins.sync.SyncOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options plan and sync share. */
final class SyncFlags {
    @Option(names = "--prune", description = "delete managed plugins that are not in the folder (never one in use)")
    boolean prune;

    @Option(names = "--adopt", description = "update plugins that lack the managed tag (made by hand or elsewhere)")
    boolean adopt;

    @Option(names = "--managed-tag", paramLabel = "TAG", defaultValue = SyncOptions.DEFAULT_MANAGED_TAG,
            description = "the tag that marks the plugins this tool owns (default: ${DEFAULT-VALUE})")
    String managedTag;

    @Option(names = "--tag", paramLabel = "TAG", description = "an extra tag for every plugin written; repeatable")
    List<String> tags = new ArrayList<>();

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "4",
            description = "control planes handled at the same time (default: ${DEFAULT-VALUE})")
    int parallelism;

    @Option(names = "--diff-lines", paramLabel = "N", defaultValue = "200",
            description = "lines of each file's diff shown before 'diff truncated' (default: ${DEFAULT-VALUE})")
    int diffLines;

    @Mixin
    OutputOption output;

    SyncOptions.Builder toOptions() {
        return SyncOptions.builder().prune(prune).adopt(adopt).managedTag(managedTag).tags(tags)
                .parallelism(parallelism).diffLineLimit(diffLines);
    }
}
