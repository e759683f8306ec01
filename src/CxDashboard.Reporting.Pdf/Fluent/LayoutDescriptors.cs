using CxDashboard.Reporting.Pdf.Elements;
using CxDashboard.Reporting.Pdf.Layout;

namespace CxDashboard.Reporting.Pdf;

/// <summary>Builds a <c>Column(...)</c>.</summary>
public sealed class ColumnDescriptor
{
    private readonly Column column;

    internal ColumnDescriptor(Column column) => this.column = column;

    /// <summary>Vertical space between items, in points.</summary>
    public void Spacing(float points)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        column.Spacing = points;
    }

    public IContainer Item()
    {
        var slot = new Slot($"item {column.Items.Count + 1}") { Parent = column };
        column.Items.Add(slot);
        return slot;
    }
}

/// <summary>Builds a <c>Row(...)</c>.</summary>
public sealed class RowDescriptor
{
    private readonly Row row;

    internal RowDescriptor(Row row) => this.row = row;

    /// <summary>Horizontal space between items, in points.</summary>
    public void Spacing(float points)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        row.Spacing = points;
    }

    /// <summary>A share of the width left after fixed and auto items, in proportion to <paramref name="weight"/>.</summary>
    public IContainer Relative(float weight = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        return Add(RowItemKind.Relative, weight);
    }

    /// <summary>An item of a fixed width in points.</summary>
    public IContainer Fixed(float width)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        return Add(RowItemKind.Fixed, width);
    }

    /// <summary>An item as wide as its content needs (e.g. a short label).</summary>
    public IContainer Auto() => Add(RowItemKind.Auto, 0);

    private Slot Add(RowItemKind kind, float size)
    {
        var slot = new Slot($"item {row.Items.Count + 1}") { Parent = row };
        row.Items.Add(new RowItem(kind, size, slot));
        return slot;
    }
}

/// <summary>Builds a <c>Table(...)</c>: columns, an optional header repeated on every page, then cells row by row.</summary>
public sealed class TableDescriptor
{
    private readonly Table table;

    internal TableDescriptor(Table table) => this.table = table;

    public void ColumnsDefinition(Action<TableColumnsDescriptor> define) => define(new TableColumnsDescriptor(table));

    /// <summary>Header cells, laid out like body cells, drawn again at the top of each page the table reaches.</summary>
    public void Header(Action<TableHeaderDescriptor> compose) => compose(new TableHeaderDescriptor(table));

    /// <summary>The next body cell; cells fill rows left to right, a new row starts when the columns are used up.</summary>
    public ITableCell Cell() => AddCell(table, table.BodyCells, isHeader: false);

    internal static TableCell AddCell(Table table, List<TableCell> cells, bool isHeader)
    {
        var cell = new TableCell(isHeader) { Parent = table };
        cells.Add(cell);
        return cell;
    }
}

public sealed class TableColumnsDescriptor
{
    private readonly Table table;

    internal TableColumnsDescriptor(Table table) => this.table = table;

    /// <summary>A share of the width left after fixed columns, in proportion to <paramref name="weight"/>.</summary>
    public void Relative(float weight = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        table.Columns.Add(new TableColumn(IsFixed: false, weight));
    }

    /// <summary>A column of a fixed width in points.</summary>
    public void Fixed(float width)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        table.Columns.Add(new TableColumn(IsFixed: true, width));
    }
}

public sealed class TableHeaderDescriptor
{
    private readonly Table table;

    internal TableHeaderDescriptor(Table table) => this.table = table;

    public ITableCell Cell() => TableDescriptor.AddCell(table, table.HeaderCells, isHeader: true);
}
