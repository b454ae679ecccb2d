extension SandboxLeague {
    /// NBA franchises (with their conference and division): ESPN calls the Clippers "LA Clippers", The Odds API "Los Angeles Clippers".
    static let nbaTable = """
        ATL|Atlanta|Hawks|||State Farm Arena|Atlanta|Georgia|33.7573|-84.3963|America/New_York|indoor|Eastern|Southeast
        BOS|Boston|Celtics|||TD Garden|Boston|Massachusetts|42.3662|-71.0621|America/New_York|indoor|Eastern|Atlantic
        BKN|Brooklyn|Nets|||Barclays Center|Brooklyn|New York|40.6826|-73.9754|America/New_York|indoor|Eastern|Atlantic
        CHA|Charlotte|Hornets|||Spectrum Center|Charlotte|North Carolina|35.2251|-80.8392|America/New_York|indoor|Eastern|Southeast
        CHI|Chicago|Bulls|||United Center|Chicago|Illinois|41.8807|-87.6742|America/Chicago|indoor|Eastern|Central
        CLE|Cleveland|Cavaliers|||Rocket Arena|Cleveland|Ohio|41.4965|-81.6882|America/New_York|indoor|Eastern|Central
        DAL|Dallas|Mavericks|||American Airlines Center|Dallas|Texas|32.7905|-96.8103|America/Chicago|indoor|Western|Southwest
        DEN|Denver|Nuggets|||Ball Arena|Denver|Colorado|39.7487|-105.0077|America/Denver|indoor|Western|Northwest
        DET|Detroit|Pistons|||Little Caesars Arena|Detroit|Michigan|42.3411|-83.0553|America/Detroit|indoor|Eastern|Central
        GS|Golden State|Warriors|||Chase Center|San Francisco|California|37.7680|-122.3877|America/Los_Angeles|indoor|Western|Pacific
        HOU|Houston|Rockets|||Toyota Center|Houston|Texas|29.7508|-95.3621|America/Chicago|indoor|Western|Southwest
        IND|Indiana|Pacers|||Gainbridge Fieldhouse|Indianapolis|Indiana|39.7640|-86.1555|America/Indiana/Indianapolis|indoor|Eastern|Central
        LAC|LA|Clippers|LA Clippers|Los Angeles Clippers|Intuit Dome|Inglewood|California|33.9447|-118.3425|America/Los_Angeles|indoor|Western|Pacific
        LAL|Los Angeles|Lakers|||Crypto.com Arena|Los Angeles|California|34.0430|-118.2673|America/Los_Angeles|indoor|Western|Pacific
        MEM|Memphis|Grizzlies|||FedExForum|Memphis|Tennessee|35.1382|-90.0506|America/Chicago|indoor|Western|Southwest
        MIA|Miami|Heat|||Kaseya Center|Miami|Florida|25.7814|-80.1870|America/New_York|indoor|Eastern|Southeast
        MIL|Milwaukee|Bucks|||Fiserv Forum|Milwaukee|Wisconsin|43.0451|-87.9172|America/Chicago|indoor|Eastern|Central
        MIN|Minnesota|Timberwolves|||Target Center|Minneapolis|Minnesota|44.9795|-93.2761|America/Chicago|indoor|Western|Northwest
        NO|New Orleans|Pelicans|||Smoothie King Center|New Orleans|Louisiana|29.9490|-90.0821|America/Chicago|indoor|Western|Southwest
        NY|New York|Knicks|||Madison Square Garden|New York|New York|40.7505|-73.9934|America/New_York|indoor|Eastern|Atlantic
        OKC|Oklahoma City|Thunder|||Paycom Center|Oklahoma City|Oklahoma|35.4634|-97.5151|America/Chicago|indoor|Western|Northwest
        ORL|Orlando|Magic|||Kia Center|Orlando|Florida|28.5392|-81.3839|America/New_York|indoor|Eastern|Southeast
        PHI|Philadelphia|76ers|||Wells Fargo Center|Philadelphia|Pennsylvania|39.9012|-75.1720|America/New_York|indoor|Eastern|Atlantic
        PHX|Phoenix|Suns|||Footprint Center|Phoenix|Arizona|33.4457|-112.0712|America/Phoenix|indoor|Western|Pacific
        POR|Portland|Trail Blazers|||Moda Center|Portland|Oregon|45.5316|-122.6668|America/Los_Angeles|indoor|Western|Northwest
        SAC|Sacramento|Kings|||Golden 1 Center|Sacramento|California|38.5802|-121.4997|America/Los_Angeles|indoor|Western|Pacific
        SA|San Antonio|Spurs|||Frost Bank Center|San Antonio|Texas|29.4270|-98.4375|America/Chicago|indoor|Western|Southwest
        TOR|Toronto|Raptors|||Scotiabank Arena|Toronto|Ontario|43.6435|-79.3791|America/Toronto|indoor|Eastern|Atlantic
        UTAH|Utah|Jazz|||Delta Center|Salt Lake City|Utah|40.7683|-111.9011|America/Denver|indoor|Western|Northwest
        WSH|Washington|Wizards|||Capital One Arena|Washington|District of Columbia|38.8981|-77.0209|America/New_York|indoor|Eastern|Southeast
        """

    /// MLB franchises (with their league and division): ESPN calls the A's "Athletics", The Odds API "Oakland Athletics".
    static let mlbTable = """
        ARI|Arizona|Diamondbacks|||Chase Field|Phoenix|Arizona|33.4455|-112.0667|America/Phoenix|indoor|NL|West
        ATL|Atlanta|Braves|||Truist Park|Cumberland|Georgia|33.8908|-84.4678|America/New_York|outdoor|NL|East
        BAL|Baltimore|Orioles|||Oriole Park at Camden Yards|Baltimore|Maryland|39.2839|-76.6217|America/New_York|outdoor|AL|East
        BOS|Boston|Red Sox|||Fenway Park|Boston|Massachusetts|42.3467|-71.0972|America/New_York|outdoor|AL|East
        CHC|Chicago|Cubs|||Wrigley Field|Chicago|Illinois|41.9484|-87.6553|America/Chicago|outdoor|NL|Central
        CHW|Chicago|White Sox|||Rate Field|Chicago|Illinois|41.8299|-87.6338|America/Chicago|outdoor|AL|Central
        CIN|Cincinnati|Reds|||Great American Ball Park|Cincinnati|Ohio|39.0975|-84.5066|America/New_York|outdoor|NL|Central
        CLE|Cleveland|Guardians|||Progressive Field|Cleveland|Ohio|41.4962|-81.6852|America/New_York|outdoor|AL|Central
        COL|Colorado|Rockies|||Coors Field|Denver|Colorado|39.7559|-104.9942|America/Denver|outdoor|NL|West
        DET|Detroit|Tigers|||Comerica Park|Detroit|Michigan|42.3390|-83.0485|America/Detroit|outdoor|AL|Central
        HOU|Houston|Astros|||Daikin Park|Houston|Texas|29.7573|-95.3555|America/Chicago|indoor|AL|West
        KC|Kansas City|Royals|||Kauffman Stadium|Kansas City|Missouri|39.0517|-94.4803|America/Chicago|outdoor|AL|Central
        LAA|Los Angeles|Angels|||Angel Stadium|Anaheim|California|33.8003|-117.8827|America/Los_Angeles|outdoor|AL|West
        LAD|Los Angeles|Dodgers|||Dodger Stadium|Los Angeles|California|34.0739|-118.2400|America/Los_Angeles|outdoor|NL|West
        MIA|Miami|Marlins|||loanDepot park|Miami|Florida|25.7781|-80.2196|America/New_York|indoor|NL|East
        MIL|Milwaukee|Brewers|||American Family Field|Milwaukee|Wisconsin|43.0280|-87.9712|America/Chicago|indoor|NL|Central
        MIN|Minnesota|Twins|||Target Field|Minneapolis|Minnesota|44.9817|-93.2776|America/Chicago|outdoor|AL|Central
        NYM|New York|Mets|||Citi Field|Queens|New York|40.7571|-73.8458|America/New_York|outdoor|NL|East
        NYY|New York|Yankees|||Yankee Stadium|Bronx|New York|40.8296|-73.9262|America/New_York|outdoor|AL|East
        ATH|Oakland|Athletics|Athletics|Oakland Athletics|Sutter Health Park|West Sacramento|California|38.5804|-121.5133|America/Los_Angeles|outdoor|AL|West
        PHI|Philadelphia|Phillies|||Citizens Bank Park|Philadelphia|Pennsylvania|39.9061|-75.1665|America/New_York|outdoor|NL|East
        PIT|Pittsburgh|Pirates|||PNC Park|Pittsburgh|Pennsylvania|40.4469|-80.0057|America/New_York|outdoor|NL|Central
        SD|San Diego|Padres|||Petco Park|San Diego|California|32.7073|-117.1566|America/Los_Angeles|outdoor|NL|West
        SF|San Francisco|Giants|||Oracle Park|San Francisco|California|37.7786|-122.3893|America/Los_Angeles|outdoor|NL|West
        SEA|Seattle|Mariners|||T-Mobile Park|Seattle|Washington|47.5914|-122.3325|America/Los_Angeles|indoor|AL|West
        STL|St. Louis|Cardinals|||Busch Stadium|St. Louis|Missouri|38.6226|-90.1928|America/Chicago|outdoor|NL|Central
        TB|Tampa Bay|Rays|||Tropicana Field|St. Petersburg|Florida|27.7682|-82.6534|America/New_York|indoor|AL|East
        TEX|Texas|Rangers|||Globe Life Field|Arlington|Texas|32.7473|-97.0847|America/Chicago|indoor|AL|West
        TOR|Toronto|Blue Jays|||Rogers Centre|Toronto|Ontario|43.6414|-79.3894|America/Toronto|indoor|AL|East
        WSH|Washington|Nationals|||Nationals Park|Washington|District of Columbia|38.8730|-77.0074|America/New_York|outdoor|NL|East
        """

    /// Premier League clubs of 2025–26, named as football-data.co.uk's files are read (`FootballDataReader`): the
    /// same full name at ESPN and The Odds API. The league has no conferences or divisions.
    static let eplTable = """
        ARS|Arsenal|Arsenal|Arsenal|Arsenal|Emirates Stadium|London|England|51.5549|-0.1084|Europe/London|outdoor||
        AVL|Aston Villa|Aston Villa|Aston Villa|Aston Villa|Villa Park|Birmingham|England|52.5092|-1.8847|Europe/London|outdoor||
        BOU|Bournemouth|Bournemouth|Bournemouth|Bournemouth|Vitality Stadium|Bournemouth|England|50.7352|-1.8383|Europe/London|outdoor||
        BRE|Brentford|Brentford|Brentford|Brentford|Gtech Community Stadium|London|England|51.4907|-0.2886|Europe/London|outdoor||
        BHA|Brighton and Hove Albion|Brighton and Hove Albion|Brighton and Hove Albion|Brighton and Hove Albion|American Express Stadium|Brighton|England|50.8616|-0.0837|Europe/London|outdoor||
        BUR|Burnley|Burnley|Burnley|Burnley|Turf Moor|Burnley|England|53.7890|-2.2302|Europe/London|outdoor||
        CHE|Chelsea|Chelsea|Chelsea|Chelsea|Stamford Bridge|London|England|51.4817|-0.1910|Europe/London|outdoor||
        CRY|Crystal Palace|Crystal Palace|Crystal Palace|Crystal Palace|Selhurst Park|London|England|51.3983|-0.0855|Europe/London|outdoor||
        EVE|Everton|Everton|Everton|Everton|Hill Dickinson Stadium|Liverpool|England|53.4246|-3.0005|Europe/London|outdoor||
        FUL|Fulham|Fulham|Fulham|Fulham|Craven Cottage|London|England|51.4749|-0.2217|Europe/London|outdoor||
        LEE|Leeds United|Leeds United|Leeds United|Leeds United|Elland Road|Leeds|England|53.7778|-1.5721|Europe/London|outdoor||
        LIV|Liverpool|Liverpool|Liverpool|Liverpool|Anfield|Liverpool|England|53.4308|-2.9608|Europe/London|outdoor||
        MNC|Manchester City|Manchester City|Manchester City|Manchester City|Etihad Stadium|Manchester|England|53.4831|-2.2004|Europe/London|outdoor||
        MAN|Manchester United|Manchester United|Manchester United|Manchester United|Old Trafford|Manchester|England|53.4631|-2.2913|Europe/London|outdoor||
        NEW|Newcastle United|Newcastle United|Newcastle United|Newcastle United|St James' Park|Newcastle upon Tyne|England|54.9756|-1.6217|Europe/London|outdoor||
        NFO|Nottingham Forest|Nottingham Forest|Nottingham Forest|Nottingham Forest|City Ground|Nottingham|England|52.9400|-1.1328|Europe/London|outdoor||
        SUN|Sunderland|Sunderland|Sunderland|Sunderland|Stadium of Light|Sunderland|England|54.9146|-1.3882|Europe/London|outdoor||
        TOT|Tottenham Hotspur|Tottenham Hotspur|Tottenham Hotspur|Tottenham Hotspur|Tottenham Hotspur Stadium|London|England|51.6043|-0.0664|Europe/London|outdoor||
        WHU|West Ham United|West Ham United|West Ham United|West Ham United|London Stadium|London|England|51.5386|-0.0166|Europe/London|outdoor||
        WOL|Wolverhampton Wanderers|Wolverhampton Wanderers|Wolverhampton Wanderers|Wolverhampton Wanderers|Molineux Stadium|Wolverhampton|England|52.5902|-2.1304|Europe/London|outdoor||
        """

    /// NHL franchises (with their conference and division), by ESPN's abbreviations; the same full name at ESPN and
    /// The Odds API.
    static let nhlTable = """
        ANA|Anaheim|Ducks|||Honda Center|Anaheim|California|33.8078|-117.8765|America/Los_Angeles|indoor|Western|Pacific
        BOS|Boston|Bruins|||TD Garden|Boston|Massachusetts|42.3662|-71.0621|America/New_York|indoor|Eastern|Atlantic
        BUF|Buffalo|Sabres|||KeyBank Center|Buffalo|New York|42.8750|-78.8764|America/New_York|indoor|Eastern|Atlantic
        CGY|Calgary|Flames|||Scotiabank Saddledome|Calgary|Alberta|51.0374|-114.0519|America/Edmonton|indoor|Western|Pacific
        CAR|Carolina|Hurricanes|||Lenovo Center|Raleigh|North Carolina|35.8033|-78.7219|America/New_York|indoor|Eastern|Metropolitan
        CHI|Chicago|Blackhawks|||United Center|Chicago|Illinois|41.8807|-87.6742|America/Chicago|indoor|Western|Central
        COL|Colorado|Avalanche|||Ball Arena|Denver|Colorado|39.7487|-105.0077|America/Denver|indoor|Western|Central
        CBJ|Columbus|Blue Jackets|||Nationwide Arena|Columbus|Ohio|39.9693|-83.0061|America/New_York|indoor|Eastern|Metropolitan
        DAL|Dallas|Stars|||American Airlines Center|Dallas|Texas|32.7905|-96.8103|America/Chicago|indoor|Western|Central
        DET|Detroit|Red Wings|||Little Caesars Arena|Detroit|Michigan|42.3411|-83.0553|America/Detroit|indoor|Eastern|Atlantic
        EDM|Edmonton|Oilers|||Rogers Place|Edmonton|Alberta|53.5469|-113.4979|America/Edmonton|indoor|Western|Pacific
        FLA|Florida|Panthers|||Amerant Bank Arena|Sunrise|Florida|26.1584|-80.3256|America/New_York|indoor|Eastern|Atlantic
        LA|Los Angeles|Kings|||Crypto.com Arena|Los Angeles|California|34.0430|-118.2673|America/Los_Angeles|indoor|Western|Pacific
        MIN|Minnesota|Wild|||Xcel Energy Center|Saint Paul|Minnesota|44.9448|-93.1010|America/Chicago|indoor|Western|Central
        MTL|Montreal|Canadiens|||Bell Centre|Montreal|Quebec|45.4961|-73.5693|America/Toronto|indoor|Eastern|Atlantic
        NSH|Nashville|Predators|||Bridgestone Arena|Nashville|Tennessee|36.1592|-86.7785|America/Chicago|indoor|Western|Central
        NJ|New Jersey|Devils|||Prudential Center|Newark|New Jersey|40.7335|-74.1711|America/New_York|indoor|Eastern|Metropolitan
        NYI|New York|Islanders|||UBS Arena|Elmont|New York|40.7118|-73.7256|America/New_York|indoor|Eastern|Metropolitan
        NYR|New York|Rangers|||Madison Square Garden|New York|New York|40.7505|-73.9934|America/New_York|indoor|Eastern|Metropolitan
        OTT|Ottawa|Senators|||Canadian Tire Centre|Ottawa|Ontario|45.2969|-75.9272|America/Toronto|indoor|Eastern|Atlantic
        PHI|Philadelphia|Flyers|||Xfinity Mobile Arena|Philadelphia|Pennsylvania|39.9012|-75.1720|America/New_York|indoor|Eastern|Metropolitan
        PIT|Pittsburgh|Penguins|||PPG Paints Arena|Pittsburgh|Pennsylvania|40.4395|-79.9892|America/New_York|indoor|Eastern|Metropolitan
        SJ|San Jose|Sharks|||SAP Center|San Jose|California|37.3327|-121.9012|America/Los_Angeles|indoor|Western|Pacific
        SEA|Seattle|Kraken|||Climate Pledge Arena|Seattle|Washington|47.6221|-122.3540|America/Los_Angeles|indoor|Western|Pacific
        STL|St. Louis|Blues|||Enterprise Center|St. Louis|Missouri|38.6268|-90.2027|America/Chicago|indoor|Western|Central
        TB|Tampa Bay|Lightning|||Amalie Arena|Tampa|Florida|27.9427|-82.4519|America/New_York|indoor|Eastern|Atlantic
        TOR|Toronto|Maple Leafs|||Scotiabank Arena|Toronto|Ontario|43.6435|-79.3791|America/Toronto|indoor|Eastern|Atlantic
        UTAH|Utah|Mammoth|||Delta Center|Salt Lake City|Utah|40.7683|-111.9011|America/Denver|indoor|Western|Central
        VAN|Vancouver|Canucks|||Rogers Arena|Vancouver|British Columbia|49.2778|-123.1088|America/Vancouver|indoor|Western|Pacific
        VGK|Vegas|Golden Knights|||T-Mobile Arena|Las Vegas|Nevada|36.1029|-115.1784|America/Los_Angeles|indoor|Western|Pacific
        WSH|Washington|Capitals|||Capital One Arena|Washington|District of Columbia|38.8981|-77.0209|America/New_York|indoor|Eastern|Metropolitan
        WPG|Winnipeg|Jets|||Canada Life Centre|Winnipeg|Manitoba|49.8928|-97.1436|America/Winnipeg|indoor|Western|Central
        """

    /// NFL franchises (with their conference and division), by ESPN's abbreviations; the same full name at ESPN and
    /// The Odds API. A fixed or retractable roof counts as indoor; the Giants and Jets share MetLife Stadium, the
    /// Rams and Chargers SoFi Stadium.
    static let nflTable = """
        ARI|Arizona|Cardinals|||State Farm Stadium|Glendale|Arizona|33.5276|-112.2626|America/Phoenix|indoor|NFC|NFC West
        ATL|Atlanta|Falcons|||Mercedes-Benz Stadium|Atlanta|Georgia|33.7554|-84.4008|America/New_York|indoor|NFC|NFC South
        BAL|Baltimore|Ravens|||M&T Bank Stadium|Baltimore|Maryland|39.2780|-76.6227|America/New_York|outdoor|AFC|AFC North
        BUF|Buffalo|Bills|||Highmark Stadium|Orchard Park|New York|42.7738|-78.7870|America/New_York|outdoor|AFC|AFC East
        CAR|Carolina|Panthers|||Bank of America Stadium|Charlotte|North Carolina|35.2258|-80.8528|America/New_York|outdoor|NFC|NFC South
        CHI|Chicago|Bears|||Soldier Field|Chicago|Illinois|41.8623|-87.6167|America/Chicago|outdoor|NFC|NFC North
        CIN|Cincinnati|Bengals|||Paycor Stadium|Cincinnati|Ohio|39.0955|-84.5161|America/New_York|outdoor|AFC|AFC North
        CLE|Cleveland|Browns|||Huntington Bank Field|Cleveland|Ohio|41.5061|-81.6995|America/New_York|outdoor|AFC|AFC North
        DAL|Dallas|Cowboys|||AT&T Stadium|Arlington|Texas|32.7473|-97.0945|America/Chicago|indoor|NFC|NFC East
        DEN|Denver|Broncos|||Empower Field at Mile High|Denver|Colorado|39.7439|-105.0201|America/Denver|outdoor|AFC|AFC West
        DET|Detroit|Lions|||Ford Field|Detroit|Michigan|42.3400|-83.0456|America/Detroit|indoor|NFC|NFC North
        GB|Green Bay|Packers|||Lambeau Field|Green Bay|Wisconsin|44.5013|-88.0622|America/Chicago|outdoor|NFC|NFC North
        HOU|Houston|Texans|||NRG Stadium|Houston|Texas|29.6847|-95.4107|America/Chicago|indoor|AFC|AFC South
        IND|Indianapolis|Colts|||Lucas Oil Stadium|Indianapolis|Indiana|39.7601|-86.1639|America/Indiana/Indianapolis|indoor|AFC|AFC South
        JAX|Jacksonville|Jaguars|||EverBank Stadium|Jacksonville|Florida|30.3239|-81.6373|America/New_York|outdoor|AFC|AFC South
        KC|Kansas City|Chiefs|||GEHA Field at Arrowhead Stadium|Kansas City|Missouri|39.0489|-94.4839|America/Chicago|outdoor|AFC|AFC West
        LV|Las Vegas|Raiders|||Allegiant Stadium|Las Vegas|Nevada|36.0909|-115.1833|America/Los_Angeles|indoor|AFC|AFC West
        LAC|Los Angeles|Chargers|||SoFi Stadium|Inglewood|California|33.9535|-118.3392|America/Los_Angeles|indoor|AFC|AFC West
        LAR|Los Angeles|Rams|||SoFi Stadium|Inglewood|California|33.9535|-118.3392|America/Los_Angeles|indoor|NFC|NFC West
        MIA|Miami|Dolphins|||Hard Rock Stadium|Miami Gardens|Florida|25.9580|-80.2389|America/New_York|outdoor|AFC|AFC East
        MIN|Minnesota|Vikings|||U.S. Bank Stadium|Minneapolis|Minnesota|44.9737|-93.2577|America/Chicago|indoor|NFC|NFC North
        NE|New England|Patriots|||Gillette Stadium|Foxborough|Massachusetts|42.0909|-71.2643|America/New_York|outdoor|AFC|AFC East
        NO|New Orleans|Saints|||Caesars Superdome|New Orleans|Louisiana|29.9511|-90.0812|America/Chicago|indoor|NFC|NFC South
        NYG|New York|Giants|||MetLife Stadium|East Rutherford|New Jersey|40.8135|-74.0745|America/New_York|outdoor|NFC|NFC East
        NYJ|New York|Jets|||MetLife Stadium|East Rutherford|New Jersey|40.8135|-74.0745|America/New_York|outdoor|AFC|AFC East
        PHI|Philadelphia|Eagles|||Lincoln Financial Field|Philadelphia|Pennsylvania|39.9008|-75.1675|America/New_York|outdoor|NFC|NFC East
        PIT|Pittsburgh|Steelers|||Acrisure Stadium|Pittsburgh|Pennsylvania|40.4468|-80.0158|America/New_York|outdoor|AFC|AFC North
        SF|San Francisco|49ers|||Levi's Stadium|Santa Clara|California|37.4030|-121.9700|America/Los_Angeles|outdoor|NFC|NFC West
        SEA|Seattle|Seahawks|||Lumen Field|Seattle|Washington|47.5952|-122.3316|America/Los_Angeles|outdoor|NFC|NFC West
        TB|Tampa Bay|Buccaneers|||Raymond James Stadium|Tampa|Florida|27.9759|-82.5033|America/New_York|outdoor|NFC|NFC South
        TEN|Tennessee|Titans|||Nissan Stadium|Nashville|Tennessee|36.1665|-86.7713|America/Chicago|outdoor|AFC|AFC South
        WSH|Washington|Commanders|||Northwest Stadium|Landover|Maryland|38.9077|-76.8645|America/New_York|outdoor|NFC|NFC East
        """
}
