namespace Berth.Engine.Build;

/// <summary>Where a build reports progress: text lines (Docker's <c>stream</c> messages).</summary>
public delegate Task BuildOutput(string text, CancellationToken cancellationToken);
