namespace Berth.Engine.Exec;

/// <summary>A terminal size in characters.</summary>
public readonly record struct ConsoleDimensions(int Height, int Width);
