namespace StrassenRepro.Reproduction.Discovery;

/// <summary>How `discover` writes each kept scheme (`--format`); verify reads both, telling them apart by content.</summary>
public enum SchemeFileFormat
{
    /// <summary>Our JSON scheme format (Formats.SchemeJson), metadata inside.</summary>
    Json,
    /// <summary>The field's catalogue JSON (Formats.CatalogueJsonWriter): dronperminov/FastMatrixMultiplication's layout.</summary>
    Catalogue,
}
