namespace Berth.Api;

/// <summary>
/// Watches an input stream for the detach key sequence, byte by byte across reads. Bytes that could begin the
/// sequence are held back until the next byte shows whether they are the sequence (then they are dropped and
/// the caller detaches) or not (then they are passed on with it), so the keys never reach the container.
/// Not thread-safe: one reader.
/// </summary>
public sealed class DetachKeyMatcher(IReadOnlyList<byte> keys)
{
    private int _matched;

    /// <summary>
    /// Filters one chunk of input: appends what may pass to <paramref name="output"/> and returns true when the
    /// chunk completed the sequence (the rest of the chunk after it is discarded, as the attach ends there).
    /// </summary>
    public bool Feed(ReadOnlySpan<byte> input, List<byte> output)
    {
        if (keys.Count == 0)
        {
            output.AddRange(input);
            return false;
        }
        foreach (var b in input)
        {
            if (b == keys[_matched])
            {
                _matched++;
                if (_matched == keys.Count)
                {
                    _matched = 0;
                    return true;
                }
                continue;
            }
            // Mismatch: the held bytes were ordinary input. The current byte may start a new match.
            for (var i = 0; i < _matched; i++) output.Add(keys[i]);
            _matched = 0;
            if (b == keys[0] && keys.Count > 1) _matched = 1;
            else if (b == keys[0]) return true;
            else output.Add(b);
        }
        return false;
    }
}
