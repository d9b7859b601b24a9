using CilPortal.Infrastructure.ReferenceData;

namespace CilPortal.Tests.Data;

public class CsvReaderTests
{
    [Fact]
    public void Quoted_fields_keep_separators_quotes_and_line_breaks_and_records_keep_their_line_number()
    {
        const string text = "a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,row";

        var records = CsvReader.Read(new StringReader(text)).ToList();

        Assert.Equal(4, records.Count);
        Assert.Equal(["x, y", "say \"hi\""], records[1].Fields);
        Assert.Equal(2, records[1].LineNumber);
        Assert.Equal(["two\nlines", "z"], records[2].Fields);
        Assert.Equal(3, records[2].LineNumber);
        Assert.Equal(5, records[3].LineNumber);
    }

    [Fact]
    public void Windows_line_endings_and_a_final_newline_give_no_empty_record()
    {
        var records = CsvReader.Read(new StringReader("a;b\r\n1;2\r\n"), ';').ToList();

        Assert.Equal(2, records.Count);
        Assert.Equal(["1", "2"], records[1].Fields);
    }
}
