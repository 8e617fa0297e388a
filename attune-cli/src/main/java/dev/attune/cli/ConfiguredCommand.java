package dev.attune.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A subcommand configured by the {@link CommonOptions} ({@code --config}, {@code --verbose}, {@code --help}) that works
 * through the {@link CliContext} of its {@link AttuneCli}. Subclasses add their own {@code @Command} and options.
 */
abstract class ConfiguredCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    final CliContext context;

    ConfiguredCommand(CliContext context) {
        this.context = context;
    }
}
