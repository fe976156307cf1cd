//! Chart speed: drawing SVG, and rendering it as PNG (`cargo bench -p devcoop-charts`).

use devcoop_charts::{render_png, render_svg, Chart, ChartBody};

fn main() {
    divan::main();
}

fn chart() -> Chart {
    Chart {
        title: "Projects by country".into(),
        subtitle: Some("Twenty bars".into()),
        caption: "Source: synthetic.txt".into(),
        x_title: "Country".into(),
        y_title: "Projects".into(),
        body: ChartBody::Bars {
            horizontal: true,
            labels: (0..20).map(|i| format!("Country number {i}")).collect(),
            values: (0..20).map(f64::from).collect(),
        },
    }
}

#[divan::bench]
fn svg() -> usize {
    render_svg(&chart()).expect("an SVG").len()
}

#[divan::bench]
fn png(bencher: divan::Bencher) {
    let svg = render_svg(&chart()).expect("an SVG");
    bencher.bench(|| render_png(&svg).expect("a PNG").len());
}
