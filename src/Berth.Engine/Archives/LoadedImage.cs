using Berth.Core;

namespace Berth.Engine.Archives;

/// <summary>An image a load registered: its ID and the references (familiar form) it was tagged with.</summary>
public sealed record LoadedImage(Digest Id, IReadOnlyList<string> References);
