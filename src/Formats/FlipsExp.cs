using System.Text;
using System.Text.RegularExpressions;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats;

/// <summary>
/// The flip-graph text format (jakobmoosbauer/flips, docs/formats.md): one product per line,
/// "(linear form in a_ij)*(linear form in b_jk)*(linear form in c_ki)", the third factor in trace form, so c_ki
/// is the coefficient of C[i,k]. A term is a variable with an optional integer or p/q coefficient ("2*a11",
/// "-a21"); a factor of one term may go without parentheses; factors are joined by '*' or white space. Indices are
/// one digit each (dimensions up to 9). The shape is the file name's "NMP" prefix (223-11-mod0.exp,
/// 555m93_lifted.exp), else the largest indices; "mod2" in the name means the scheme holds modulo 2.
/// </summary>
public static class FlipsExp
{
    public const string FormatName = "flips-exp";

    /// <summary>Most products (lines) read: as for our JSON.</summary>
    public const int MaxProducts = SchemeJson.MaxSlots;

    private static readonly Regex NameShape = new(@"(?<![0-9A-Za-z])([1-9])([1-9])([1-9])[-_mr]", RegexOptions.CultureInvariant);

    /// <summary>One product: its a, b and c coefficients by (row, column), 0-based.</summary>
    private sealed record Product(Dictionary<(int, int), Fraction>[] Factors);

    public static SchemeSource Read(Stream stream, string path)
    {
        string name = $"{Path.GetFileName(path)} (flips .exp)";
        var products = new List<Product>();
        using var reader = new StreamReader(stream, StrictUtf8.Encoding);
        try
        {
            int lineNumber = 0;
            while (reader.ReadLine() is { } raw)
            {
                lineNumber++;
                int hash = raw.IndexOf('#');
                string line = RemoveWhiteSpace(hash >= 0 ? raw[..hash] : raw);
                if (line.Length == 0) continue;
                if (products.Count == MaxProducts)
                    throw new SchemeFormatException($"{name}: more than {MaxProducts} products");
                products.Add(new LineParser(line, $"{name}: line {lineNumber}").Product());
            }
        }
        catch (DecoderFallbackException)
        {
            throw new SchemeFormatException($"{name}: not valid UTF-8 text");
        }
        if (products.Count == 0) throw new SchemeFormatException($"{name}: no products (expected one per line)");
        var shape = ShapeOf(Path.GetFileName(path), products, name);
        var exact = ToScheme(shape, products);
        var ring = Path.GetFileName(path).Contains("mod2", StringComparison.OrdinalIgnoreCase) ? Ring.F2 : (Ring?)null;
        return new SchemeSource(exact.ToScheme(), path, FormatName, null, null, "trace-form", "declared", exact, ring);
    }

    private static string RemoveWhiteSpace(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>The name's shape when it gives one (every index must fit it), else the largest index of each side.</summary>
    private static Shape ShapeOf(string fileName, List<Product> products, string name)
    {
        int Max(int factor, bool second) =>
            products.SelectMany(p => p.Factors[factor].Keys).Select(k => (second ? k.Item2 : k.Item1) + 1).DefaultIfEmpty(1).Max();
        // a_ij: i < n, j < m; b_jk: j < m, k < p; c_ki: k < p, i < n.
        int n = Math.Max(Max(0, false), Max(2, true));
        int m = Math.Max(Max(0, true), Max(1, false));
        int p = Math.Max(Max(1, true), Max(2, false));
        if (NameShape.Match(fileName) is { Success: true } match)
        {
            int[] named = [.. match.Groups.Values.Skip(1).Take(3).Select(g => g.Value[0] - '0')];
            if (n > named[0] || m > named[1] || p > named[2])
                throw new SchemeFormatException($"{name}: indices reach <{n},{m},{p}>, outside the name's " +
                                                $"<{named[0]},{named[1]},{named[2]}>");
            return Shape.Validated(named[0], named[1], named[2]);
        }
        return Shape.Validated(n, m, p);
    }

    private static RationalScheme ToScheme(Shape shape, List<Product> products)
    {
        int rank = products.Count;
        var zero = new Fraction(0, 1);
        var u = Enumerable.Repeat(zero, rank * shape.ASize).ToArray();
        var v = Enumerable.Repeat(zero, rank * shape.BSize).ToArray();
        var w = Enumerable.Repeat(zero, rank * shape.CSize).ToArray();
        for (int r = 0; r < rank; r++)
        {
            foreach (var ((i, j), x) in products[r].Factors[0]) u[r * shape.ASize + shape.AIndex(i, j)] = x;
            foreach (var ((j, k), x) in products[r].Factors[1]) v[r * shape.BSize + shape.BIndex(j, k)] = x;
            // c_ki in trace form is C[i,k].
            foreach (var ((k, i), x) in products[r].Factors[2]) w[shape.CIndex(i, k) * rank + r] = x;
        }
        return new RationalScheme(shape, rank, u, v, w);
    }

    /// <summary>One line without white space: three factors, the a's, the b's and the c's.</summary>
    private sealed class LineParser(string line, string where)
    {
        private const string Letters = "abc";
        private int _at;

        /// <summary>The product; one written whole in parentheses, "(f1 f2 f3)" or "-(f1*f2*f3)", is unwrapped
        /// (the sign goes to the a's).</summary>
        public Product Product()
        {
            int open = line.Length > 1 && line[0] is '+' or '-' ? 1 : 0;
            if (line.Length > open + 1 && line[open] == '(' && ClosingOf(open) == line.Length - 1)
            {
                var inner = new LineParser(line[(open + 1)..^1], where).Product();
                if (line[0] == '-')
                    foreach (var key in inner.Factors[0].Keys.ToList()) inner.Factors[0][key] = -inner.Factors[0][key];
                return inner;
            }
            return Factors();
        }

        private int ClosingOf(int open)
        {
            int depth = 0;
            for (int i = open; i < line.Length; i++)
            {
                depth += line[i] == '(' ? 1 : line[i] == ')' ? -1 : 0;
                if (depth == 0) return i;
            }
            return -1;
        }

        private Product Factors()
        {
            var factors = new Dictionary<(int, int), Fraction>[3];
            for (int f = 0; f < 3; f++)
            {
                if (f > 0 && Peek() == '*') _at++;
                factors[f] = Factor(Letters[f]);
            }
            if (_at < line.Length) throw Error($"unexpected '{line[_at]}' after the third factor");
            return new Product(factors);
        }

        private char Peek() => _at < line.Length ? line[_at] : '\0';

        /// <summary>A term alone, or a linear form in parentheses, with an optional sign before it ("-(a11+a22)").</summary>
        private Dictionary<(int, int), Fraction> Factor(char letter)
        {
            if (Peek() is '+' or '-' && _at + 1 < line.Length && line[_at + 1] == '(')
            {
                bool negative = line[_at++] == '-';
                var form = Factor(letter);
                if (negative)
                    foreach (var key in form.Keys.ToList()) form[key] = -form[key];
                return form;
            }
            var terms = new Dictionary<(int, int), Fraction>();
            if (Peek() != '(')
            {
                Term(letter, terms, first: true);
                return terms;
            }
            _at++;
            bool first = true;
            while (Peek() != ')')
            {
                if (Peek() == '\0') throw Error($"the factor of {letter}'s has no closing ')'");
                Term(letter, terms, first);
                first = false;
            }
            _at++;
            if (terms.Count == 0) throw Error($"the factor of {letter}'s is empty");
            return terms;
        }

        /// <summary>[sign] [coefficient ['*']] letter digit digit; a sign is required after the first term.</summary>
        private void Term(char letter, Dictionary<(int, int), Fraction> terms, bool first)
        {
            int sign = 1;
            if (Peek() is '+' or '-') sign = line[_at++] == '-' ? -1 : 1;
            else if (!first) throw Error($"expected '+' or '-' before the next term of {letter}'s");
            var coefficient = new Fraction(sign, 1);
            if (char.IsAsciiDigit(Peek()))
            {
                int start = _at;
                while (char.IsAsciiDigit(Peek()) || Peek() == '/') _at++;
                if (Fraction.Parse(line[start.._at]) is not { } c || c.Numerator.IsZero)
                    throw Error($"'{PrintableText.Of(line[start.._at])}' is not a nonzero integer or fraction p/q");
                coefficient = new Fraction(sign * c.Numerator, c.Denominator);
                if (Peek() == '*') _at++;
            }
            if (Peek() != letter)
                throw Error(Peek() is 'a' or 'b' or 'c'
                    ? $"'{Peek()}' where the factor of {letter}'s is (a's, then b's, then c's)"
                    : $"expected a variable {letter}ij at '{PrintableText.Of(line[_at..])}'");
            _at++;
            int row = Digit(letter), col = Digit(letter);
            var key = (row, col);
            terms[key] = terms.TryGetValue(key, out var old) ? old + coefficient : coefficient;
        }

        private int Digit(char letter)
        {
            if (Peek() is < '1' or > '9') throw Error($"a variable {letter}ij needs two indices 1..9");
            return line[_at++] - '1';
        }

        private SchemeFormatException Error(string problem) => new($"{where}: {problem}");
    }
}
