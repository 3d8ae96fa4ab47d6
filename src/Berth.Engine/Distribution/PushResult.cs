using Berth.Core;

namespace Berth.Engine.Distribution;

/// <summary>One pushed tag: dockerd's aux <c>{"Tag","Digest","Size"}</c>.</summary>
public sealed record PushResult(string Tag, Digest Digest, int Size);
