using System.Text;
using Berth.Core;

namespace Berth.Engine.Build.Dockerfile;

/// <summary>
/// The Dockerfile word lexer (the variable substitution Docker applies to ENV, ARG, LABEL, COPY, ADD, WORKDIR,
/// USER, EXPOSE, VOLUME, STOPSIGNAL, FROM …): <c>$V</c>, <c>${V}</c>, <c>${V:-x}</c>, <c>${V-x}</c>,
/// <c>${V:+x}</c>, <c>${V+x}</c>, <c>${V:?msg}</c>; single quotes are literal, double quotes expand; the
/// escape character makes the next character literal. Quotes are removed from the result.
/// </summary>
public static class ShellWords
{
    /// <summary>One word, quotes processed (Docker's ProcessWord).</summary>
    public static string Expand(string text, Func<string, string?> lookup, char escape = '\\')
    {
        var words = Process(text, lookup, escape, split: false);
        return words.Count == 0 ? "" : words[0];
    }

    /// <summary>Words separated by unquoted blanks, each expanded (Docker's ProcessWords).</summary>
    public static List<string> ExpandWords(string text, Func<string, string?> lookup, char escape = '\\') =>
        Process(text, lookup, escape, split: true);

    private static List<string> Process(string text, Func<string, string?> lookup, char escape, bool split)
    {
        var lexer = new Lexer(text, lookup, escape);
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        while (!lexer.AtEnd)
        {
            var c = lexer.Peek();
            if (split && c is ' ' or '\t' or '\n')
            {
                lexer.Next();
                if (inWord) words.Add(current.ToString());
                current.Clear();
                inWord = false;
                continue;
            }
            inWord = true;
            lexer.ReadUnquoted(current);
        }
        if (inWord || !split) words.Add(current.ToString());
        return words;
    }

    private sealed class Lexer(string text, Func<string, string?> lookup, char escape)
    {
        private int _position;

        public bool AtEnd => _position >= text.Length;

        public char Peek() => text[_position];

        public char Next() => text[_position++];

        /// <summary>One piece of a word: a quoted run, an escaped character, a variable or a plain character.</summary>
        public void ReadUnquoted(StringBuilder into)
        {
            var c = Next();
            if (c == '\'')
            {
                var end = text.IndexOf('\'', _position);
                if (end < 0) throw BerthException.Invalid($"unexpected end of statement while looking for matching single-quote in \"{text}\"");
                into.Append(text, _position, end - _position);
                _position = end + 1;
            }
            else if (c == '"')
            {
                ReadDoubleQuoted(into);
            }
            else if (c == escape)
            {
                if (!AtEnd) into.Append(Next());
            }
            else if (c == '$')
            {
                ReadVariable(into);
            }
            else
            {
                into.Append(c);
            }
        }

        private void ReadDoubleQuoted(StringBuilder into)
        {
            while (true)
            {
                if (AtEnd) throw BerthException.Invalid($"unexpected end of statement while looking for matching double-quote in \"{text}\"");
                var c = Next();
                if (c == '"') return;
                if (c == '$')
                {
                    ReadVariable(into);
                }
                else if (c == escape && !AtEnd && (Peek() is '"' or '$' || Peek() == escape))
                {
                    into.Append(Next());
                }
                else
                {
                    into.Append(c);
                }
            }
        }

        /// <summary>After a <c>$</c>: a name, <c>{name}</c>, <c>{name[:]-+?word}</c>, or a literal <c>$</c>.</summary>
        private void ReadVariable(StringBuilder into)
        {
            if (AtEnd)
            {
                into.Append('$');
                return;
            }
            if (Peek() != '{')
            {
                var name = ReadName();
                if (name.Length == 0) into.Append('$');
                else into.Append(lookup(name) ?? "");
                return;
            }
            Next();
            var braced = ReadName();
            if (braced.Length == 0) throw BerthException.Invalid($"bad substitution in \"{text}\"");
            if (AtEnd) throw BerthException.Invalid($"missing '}}' in \"{text}\"");
            var value = lookup(braced);
            var c = Next();
            if (c == '}')
            {
                into.Append(value ?? "");
                return;
            }
            var colon = c == ':';
            if (colon)
            {
                if (AtEnd) throw BerthException.Invalid($"missing '}}' in \"{text}\"");
                c = Next();
            }
            if (c is not ('-' or '+' or '?')) throw BerthException.Invalid($"unsupported modifier ({c}) in substitution in \"{text}\"");
            var word = ReadUntilBrace();
            var set = colon ? !string.IsNullOrEmpty(value) : value is not null;
            switch (c)
            {
                case '-': into.Append(set ? value : word); break;
                case '+': into.Append(set ? word : ""); break;
                default:
                    if (!set) throw BerthException.Invalid($"{braced}: {(word.Length == 0 ? "is not allowed to be unset" : word)}");
                    into.Append(value);
                    break;
            }
        }

        /// <summary>The modifier's word up to the matching <c>}</c>, itself expanded (nested braces balanced).</summary>
        private string ReadUntilBrace()
        {
            var word = new StringBuilder();
            while (true)
            {
                if (AtEnd) throw BerthException.Invalid($"missing '}}' in \"{text}\"");
                if (Peek() == '}')
                {
                    Next();
                    return word.ToString();
                }
                ReadUnquoted(word);
            }
        }

        private string ReadName()
        {
            var start = _position;
            while (!AtEnd && (char.IsAsciiLetterOrDigit(Peek()) || Peek() == '_')) _position++;
            return text[start.._position];
        }
    }
}
