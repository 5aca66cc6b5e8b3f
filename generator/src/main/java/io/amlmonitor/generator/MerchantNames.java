package io.amlmonitor.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Plausible Brazilian shop names. A few carry a comma or quotes, as real registry names do, which
 * also keeps the CSV quoting honest.
 */
final class MerchantNames {
  private static final List<String> FAMILY =
      List.of(
          "Silva",
          "Souza",
          "Oliveira",
          "Santos",
          "Pereira",
          "Costa",
          "Almeida",
          "Ferreira",
          "Rodrigues",
          "Lima",
          "Gomes",
          "Ribeiro",
          "Carvalho",
          "Martins",
          "Araújo",
          "Barbosa",
          "Rocha",
          "Dias",
          "Moreira",
          "Nascimento",
          "Cardoso",
          "Teixeira",
          "Vieira",
          "Mendes");
  private static final List<String> PLACES =
      List.of(
          "Central",
          "do Bairro",
          "São João",
          "Boa Vista",
          "Ipiranga",
          "Primavera",
          "Paulista",
          "Santa Cruz",
          "Bela Vista",
          "Jardim",
          "Aurora",
          "Horizonte",
          "Estrela",
          "Nova Era");

  private MerchantNames() {}

  static String name(MerchantCategory category, SplittableRandom rng) {
    String base = Sampling.pick(rng, prefixes(category)) + " " + suffix(rng);
    double decoration = rng.nextDouble();
    if (decoration < 0.06) {
      return base + ", Ltda";
    }
    if (decoration < 0.08) {
      return base + " \"" + Sampling.pick(rng, FAMILY) + "\"";
    }
    return base;
  }

  private static String suffix(SplittableRandom rng) {
    return rng.nextBoolean() ? Sampling.pick(rng, FAMILY) : Sampling.pick(rng, PLACES);
  }

  private static List<String> prefixes(MerchantCategory category) {
    return switch (category) {
      case GROCERY -> List.of("Supermercado", "Mercado", "Hortifruti", "Empório", "Mercearia");
      case RESTAURANT -> List.of("Restaurante", "Lanchonete", "Pizzaria", "Bar", "Padaria");
      case FUEL -> List.of("Posto", "Auto Posto");
      case PHARMACY -> List.of("Drogaria", "Farmácia");
      case UTILITIES -> List.of("Energia", "Saneamento", "Gás", "Águas");
      case TELECOM -> List.of("Telecom", "Fibra", "Conecta", "Móvel");
      case ATM -> List.of("Rede de Caixas", "Caixa 24h", "AutoAtendimento");
      case CLOTHING -> List.of("Modas", "Boutique", "Calçados", "Confecções");
      case ONLINE_SERVICES -> List.of("Streaming", "Cloud", "Apps", "Digital");
      case ELECTRONICS -> List.of("Eletrônicos", "Magazine", "Informática", "Tech");
      case TRAVEL -> List.of("Viagens", "Turismo", "Hotel", "Linhas Aéreas");
      case HOME_IMPROVEMENT -> List.of("Materiais de Construção", "Home Center", "Tintas");
      case EDUCATION -> List.of("Colégio", "Escola", "Faculdade", "Cursos");
      case GAMBLING -> List.of("Bet", "Apostas", "Loterias");
      case JEWELRY -> List.of("Joalheria", "Relojoaria", "Ourivesaria");
    };
  }
}
